// unique_lock::unlock() on every path before the co_await: the guard is alive
// but does not hold the mutex. clang-tidy 19's
// cppcoreguidelines-no-suspend-with-lock warns here; corolint must not.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  std::unique_lock<std::mutex> lk(mtx);
  ++counter;
  lk.unlock();
  co_await ready;
  ++counter;
}
