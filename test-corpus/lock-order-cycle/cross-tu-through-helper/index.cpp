#include "locks.h"

fake::async_mutex index_mutex;

fake::task<void> refresh_index() {
  auto i = co_await index_mutex.lock(); // expect-path: lock-order-cycle {{'index_mutex' acquired here while 'cache_mutex' is held}}
}
