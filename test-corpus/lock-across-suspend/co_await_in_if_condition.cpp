// The suspension is the condition of an if statement.
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int admitted = 0;

fake::task<bool> has_room() { co_return admitted < 10; }

fake::task<void> admit() {
  std::lock_guard lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  if (co_await has_room()) { // expect-warning: lock-across-suspend {{held across co_await}}
    ++admitted;
  }
}
