// expect-no-findings
//
// The shapes of semaphore_as_lock_in_opposite_orders, but 'jobs' counts queued
// jobs: a worker takes one for good and puts it back only when cancelled. A
// unit given back on some paths only is an event consumed, not a lock held,
// so taking 'index_lock' after it orders nothing.
#include <fake/coro.h>

fake::semaphore jobs{0};
fake::async_mutex index_lock;
bool cancelled = false;

fake::task<void> worker() {
  co_await jobs.acquire();
  if (cancelled) {
    jobs.release();
    co_return;
  }
  auto i = co_await index_lock.lock();
}

fake::task<void> reindex() {
  auto i = co_await index_lock.lock();
  co_await jobs.acquire();
  jobs.release();
}
