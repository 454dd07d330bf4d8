// Synchronous mutexes taken in opposite orders by two coroutines running on
// different threads: the classic inversion, where one side is loop code.
#include <fake/coro.h>
#include <mutex>

std::mutex registry_mutex;
std::mutex stats_mutex;
int sessions = 0;

fake::task<void> open_session() {
  std::lock_guard<std::mutex> r(registry_mutex); // expect-path: lock-order-cycle {{'registry_mutex' acquired here}}
  std::lock_guard<std::mutex> s(stats_mutex);    // expect-warning: lock-order-cycle {{'registry_mutex' before 'stats_mutex' in 'open_session'; 'stats_mutex' before 'registry_mutex' in 'close_session'}}
  ++sessions;
  co_return;
}

fake::task<void> close_session() {
  std::unique_lock<std::mutex> s(stats_mutex);   // expect-path: lock-order-cycle {{'stats_mutex' acquired here}}
  std::unique_lock<std::mutex> r(registry_mutex); // expect-path: lock-order-cycle {{'registry_mutex' acquired here while 'stats_mutex' is held}}
  --sessions;
  co_return;
}
