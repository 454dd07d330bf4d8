// The lock is taken after the last co_await. co_return is not a suspension
// with the lock alive: locals are destroyed before the final suspend.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<int> bump() {
  co_await ready;
  std::lock_guard<std::mutex> lk(mtx);
  co_return ++counter;
}
