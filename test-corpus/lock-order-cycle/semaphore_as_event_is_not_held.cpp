// expect-no-findings
//
// The shapes of semaphore_as_lock_in_opposite_orders, but 'jobs' is an event:
// the producer releases units that the consumer takes and never gives back.
// Waiting for a job while holding 'index_lock' and taking 'index_lock' after
// a job arrived is no lock order: the consumer holds nothing of 'jobs'.
#include <fake/coro.h>

fake::semaphore jobs{0};
fake::async_mutex index_lock;

fake::task<void> consumer() {
  co_await jobs.acquire();
  auto i = co_await index_lock.lock();
}

fake::task<void> producer() {
  auto i = co_await index_lock.lock();
  jobs.release();
}

fake::task<void> drainer() {
  auto i = co_await index_lock.lock();
  co_await jobs.acquire();
}
