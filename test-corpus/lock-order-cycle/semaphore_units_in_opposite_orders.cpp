// The same inversion with units kept in a guard: `get_units` gives back its
// unit when the guard is destroyed, so the unit is held across the lock of
// 'index_lock' in 'write_record'.
#include <fake/coro.h>

fake::semaphore store_slots{1};
fake::async_mutex index_lock;

fake::task<void> write_record() {
  auto units = co_await fake::get_units(store_slots); // expect-path: lock-order-cycle {{'store_slots' acquired here}}
  auto i = co_await index_lock.lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here while 'store_slots' is held}}
}

fake::task<void> reindex() {
  auto i = co_await index_lock.lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here}}
  auto units = co_await fake::get_units(store_slots); // expect-warning: lock-order-cycle {{('index_lock' before 'store_slots' in 'reindex'; 'store_slots' before 'index_lock' in 'write_record')}}
}
