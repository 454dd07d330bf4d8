// The suspension hides in a variable's initializer: auto r = co_await ...;
#include <fake/coro.h>
#include <mutex>

std::mutex mtx;
int total = 0;

fake::task<int> fetch() { co_return 42; }

fake::task<void> accumulate() {
  std::lock_guard<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  auto r = co_await fetch(); // expect-warning: lock-across-suspend {{held across co_await}}
  total += r;
}
