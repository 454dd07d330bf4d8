// The lock_guard is inside a lambda defined in the coroutine. The lambda is an
// ordinary function: its lock is released when each call returns.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  auto add = [](int n) {
    std::lock_guard<std::mutex> lk(mtx);
    counter += n;
  };
  add(1);
  co_await ready;
  add(1);
}
