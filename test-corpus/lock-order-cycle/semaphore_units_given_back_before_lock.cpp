// expect-no-findings
//
// Looks like semaphore_units_in_opposite_orders, but 'write_record' gives its
// unit back before it takes 'index_lock', and 'reindex' gives the mutex back
// before it takes a unit: no function holds one while taking the other.
#include <fake/coro.h>

fake::semaphore store_slots{1};
fake::async_mutex index_lock;

fake::task<void> write_record() {
  auto units = co_await fake::get_units(store_slots);
  units.give_back();
  auto i = co_await index_lock.lock();
}

fake::task<void> reindex() {
  {
    auto i = co_await index_lock.lock();
  }
  co_await store_slots.acquire();
  store_slots.release();
}
