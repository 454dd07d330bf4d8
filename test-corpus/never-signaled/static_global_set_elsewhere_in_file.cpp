// The internal global is set by another function of the same file.
// expect-no-findings
#include <fake/coro.h>

static fake::event ready;

fake::task<void> consumer() { co_await ready; }

void on_data() { ready.set(); }
