// unique_lock::unlock() runs on one branch only; on the other path the lock is
// still held at the co_await.
#include <chrono>
#include <fake/coro.h>
#include <mutex>
#include <vector>

using namespace std::chrono_literals;

std::mutex mtx;
std::vector<int> pending;

fake::task<void> flush(bool urgent) {
  std::unique_lock<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  if (!urgent) {
    lk.unlock();
  }
  co_await fake::sleep_for(10ms); // expect-warning: lock-across-suspend {{held across co_await}}
  pending.clear();
}
