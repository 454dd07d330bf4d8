// The order 'cache_mutex' then 'index_mutex' is taken through an awaited
// helper in another file; the opposite order in a third. Only the linked
// program has the cycle.
#include "locks.h"

fake::async_mutex cache_mutex;

fake::task<void> evict() {
  auto c = co_await cache_mutex.lock(); // expect-path: lock-order-cycle {{'cache_mutex' acquired here}}
  co_await refresh_index();             // expect-warning: lock-order-cycle {{('cache_mutex' before 'index_mutex' in 'evict'; 'index_mutex' before 'cache_mutex' in 'rebuild')}}
}
