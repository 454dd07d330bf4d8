// A manual mtx.lock() whose unlock() only comes after the suspension.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  mtx.lock(); // expect-path: lock-across-suspend {{acquired here}}
  ++counter;
  co_await ready; // expect-warning: lock-across-suspend {{held across co_await}}
  ++counter;
  mtx.unlock();
}
