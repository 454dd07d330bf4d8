// A std::lock_guard is still alive when the coroutine suspends on an event.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  std::lock_guard<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  ++counter;
  co_await ready; // expect-warning: lock-across-suspend {{held across co_await}}
  ++counter;
}
