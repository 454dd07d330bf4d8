// A manual lock()/unlock() pair, both before the suspension.
// No finding: nothing else holds the mutex, so the lock() waits for no one.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  mtx.lock();
  ++counter;
  mtx.unlock();
  co_await ready;
  ++counter;
}
