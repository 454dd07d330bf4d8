// Returns a task but is not a coroutine (no co_await, co_yield or co_return):
// it creates the lazy task under the lock and releases the lock on return,
// before anyone awaits the task.
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

fake::task<void> start_refresh() {
  std::lock_guard<std::mutex> lk(mtx);
  ++counter;
  return refresh();
}
