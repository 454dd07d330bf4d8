// A manual lock()/unlock() pair, both before the suspension.
// No lock-across-suspend finding; the lock() itself is a blocking-call note.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int counter = 0;
fake::event ready;

fake::task<void> bump() {
  mtx.lock(); // expect-note: blocking-call {{std::mutex::lock}}
  ++counter;
  mtx.unlock();
  co_await ready;
  ++counter;
}
