// An async mutex guard (co_await mtx.lock()) held across a co_await is what an
// async mutex is for: waiters suspend, the thread never blocks.
// expect-no-findings
#include <fake/coro.h>

fake::async_mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  fake::async_lock_guard lk = co_await mtx.lock();
  ++counter;
  co_await ready;
  ++counter;
}
