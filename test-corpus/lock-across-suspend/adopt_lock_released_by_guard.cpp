// A mutex locked by hand and adopted by a guard in an inner scope is released
// when that guard ends, before the co_await.
// No finding: nothing else holds the mutex, so the lock() waits for no one.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  mtx.lock();
  {
    std::lock_guard<std::mutex> g(mtx, std::adopt_lock);
    ++counter;
  }
  co_await ready;
}
