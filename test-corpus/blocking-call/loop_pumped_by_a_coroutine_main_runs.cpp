// A coroutine whose first act is to run an event loop, driven by sync_wait
// from main (the way tests drive an io_service next to the coroutine under
// test): the loop runs on main's thread, before any suspension, so it waits
// for nothing that needs the thread it blocks.
#include <fake/coro.h>

fake::task<void> pump(fake::loop &events) {
  events.run();
  co_return;
}

int main() {
  fake::loop events;
  fake::sync_wait(pump(events));
}
// expect-no-findings
