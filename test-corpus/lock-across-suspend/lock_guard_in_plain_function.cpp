// A plain function (not a coroutine) takes the lock and starts a coroutine on
// the loop. It never suspends, so there is nothing to hold the lock across.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> refresh() {
  co_await ready;
  ++counter;
}

void schedule_refresh(fake::loop &loop) {
  std::lock_guard<std::mutex> lk(mtx);
  ++counter;
  loop.spawn(refresh());
}
