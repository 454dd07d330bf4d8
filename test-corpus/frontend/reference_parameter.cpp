// A reference parameter is followed to the argument at each call site.
#include <fake/coro.h>

fake::event go;
fake::event stop;

void notify(fake::event &e) { e.set(); }

void trigger() { notify(go); }
void halt() { notify(stop); }

fake::task<void> worker() { co_await go; }
// expect-edge: notify signals go
// expect-edge: notify signals stop
// expect-edge: worker waits go
// expect-no-edge: * signals notify::e
// expect-no-findings
