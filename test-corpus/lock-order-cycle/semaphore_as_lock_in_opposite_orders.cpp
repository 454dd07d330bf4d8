// A semaphore that limits connections to the store is used as a lock: each
// coroutine takes a unit and gives it back later. One takes the unit and then
// the index mutex, the other the index mutex and then a unit. With one unit
// left, each can hold its first and wait forever for the other.
#include <fake/coro.h>

fake::semaphore store_slots{1};
fake::async_mutex index_lock;

fake::task<void> write_record() {
  co_await store_slots.acquire();   // expect-path: lock-order-cycle {{'store_slots' acquired here}}
  auto i = co_await index_lock.lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here while 'store_slots' is held}}
  store_slots.release();
}

fake::task<void> reindex() {
  auto i = co_await index_lock.lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here}}
  co_await store_slots.acquire();   // expect-warning: lock-order-cycle {{('index_lock' before 'store_slots' in 'reindex'; 'store_slots' before 'index_lock' in 'write_record')}}
  store_slots.release();
}
