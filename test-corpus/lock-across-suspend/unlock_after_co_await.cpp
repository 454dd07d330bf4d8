// unique_lock::unlock() is called, but only after the suspension.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  std::unique_lock<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  ++counter;
  co_await ready; // expect-warning: lock-across-suspend {{held across co_await}}
  lk.unlock();
  ++counter;
}
