// A unique_lock constructed with std::defer_lock does not hold the mutex, and
// nothing locks it before the co_await. (clang-tidy 19's
// cppcoreguidelines-no-suspend-with-lock warns here.)
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  std::unique_lock<std::mutex> lk(mtx, std::defer_lock);
  ++counter;
  co_await ready;
  ++counter;
}
