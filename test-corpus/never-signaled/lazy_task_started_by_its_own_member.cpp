// A lazy task started through a member of the task itself, on the spot and
// detached, as async_simple's `flush().start(cb)` and `.via(ex).detach()`
// are: it is not dropped, so the event it sets is set. (Dropped, as in
// lazy_task_created_and_dropped.cpp, it would never run.)
// expect-no-findings
#include <fake/coro.h>

static fake::event flushed;

fake::task<void> flush_log() {
  flushed.set();
  co_return;
}

void on_shutdown() { flush_log().detach(); }

fake::task<void> wait_for_flush() { co_await flushed; }
