// The lock is taken in a loop body and the co_await comes later in the same
// iteration.
#include <chrono>
#include <fake/coro.h>
#include <mutex>

using namespace std::chrono_literals;

std::mutex mtx;
int drained = 0;

fake::task<void> drain(int batches) {
  for (int i = 0; i < batches; ++i) {
    std::lock_guard<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
    ++drained;
    co_await fake::sleep_for(1ms); // expect-warning: lock-across-suspend {{held across co_await}}
  }
}
