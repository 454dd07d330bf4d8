#include "locks.h"

fake::task<void> rebuild() {
  auto i = co_await index_mutex.lock(); // expect-path: lock-order-cycle {{'index_mutex' acquired here}}
  auto c = co_await cache_mutex.lock(); // expect-path: lock-order-cycle {{'cache_mutex' acquired here while 'index_mutex' is held}}
}
