// A reader lock (std::shared_lock on a std::shared_mutex) is a synchronous
// lock too: a writer on the loop thread blocks on it while this coroutine
// sleeps.
#include <chrono>
#include <fake/coro.h>
#include <map>
#include <shared_mutex>

using namespace std::chrono_literals;

std::shared_mutex table_mtx;
std::map<int, int> table;

fake::task<int> lookup(int key) {
  std::shared_lock<std::shared_mutex> lk(table_mtx); // expect-path: lock-across-suspend {{acquired here}}
  co_await fake::sleep_for(1ms); // expect-warning: lock-across-suspend {{held across co_await}}
  co_return table[key];
}
