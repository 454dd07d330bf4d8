// A generator that yields while holding a lock: the consumer runs, and may
// lock the same mutex, between two co_yields.
#include <fake/coro.h>
#include <mutex>
#include <vector>

std::mutex mtx;
std::vector<int> values;

fake::generator<int> snapshot() {
  std::lock_guard<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  for (int v : values)
    co_yield v; // expect-warning: lock-across-suspend {{held across co_yield}}
}
