// One std::scoped_lock holding two mutexes across a co_await: one finding for
// the guard, not one per mutex.
#include <fake/coro.h>
#include <mutex>

std::mutex from_mtx;
std::mutex to_mtx;
int from_balance = 100;
int to_balance = 0;
fake::event ready;

fake::task<void> transfer(int amount) {
  std::scoped_lock lk(from_mtx, to_mtx); // expect-path: lock-across-suspend {{acquired here}}
  from_balance -= amount;
  co_await ready; // expect-warning: lock-across-suspend {{held across co_await}}
  to_balance += amount;
}
