// The lock_guard lives in an inner scope that closes before the co_await.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  {
    std::lock_guard<std::mutex> lk(mtx);
    ++counter;
  }
  co_await ready;
  ++counter;
}
