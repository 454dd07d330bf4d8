// On real libstdc++: a std::binary_semaphore used as a lock (acquire, then
// release in the same coroutine) and a std::mutex, taken in opposite orders
// by two coroutines between their awaits.
#include <fake/coro.h>
#include <mutex>
#include <semaphore>

std::binary_semaphore disk_turn{1};
std::mutex index_mutex;
fake::event tick;

fake::task<void> flush() {
  co_await tick;
  disk_turn.acquire(); // expect-path: lock-order-cycle {{'disk_turn' acquired here}} expect-warning: blocking-call {{std::counting_semaphore::acquire}}
  {
    std::lock_guard<std::mutex> g(index_mutex); // expect-warning: lock-order-cycle {{('disk_turn' before 'index_mutex' in 'flush'; 'index_mutex' before 'disk_turn' in 'compact')}}
  }
  disk_turn.release();
}

fake::task<void> compact() {
  co_await tick;
  std::lock_guard<std::mutex> g(index_mutex); // expect-path: lock-order-cycle {{'index_mutex' acquired here}}
  disk_turn.acquire(); // expect-path: lock-order-cycle {{'disk_turn' acquired here while 'index_mutex' is held}} expect-warning: blocking-call {{std::counting_semaphore::acquire}}
  disk_turn.release();
}
