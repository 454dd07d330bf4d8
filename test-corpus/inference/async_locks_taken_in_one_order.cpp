// The twin of async_locks_taken_in_opposite_orders.cpp: both coroutines take
// the in-house async locks in the same order, and one gives the first back
// before it takes the second. No cycle.
// expect-no-findings
#include <inhouse/async_lock.h>
#include <inhouse/task.h>

inhouse::async_lock ledger;
inhouse::async_lock index_lock;

inhouse::task<int> append_entry() {
  auto l = co_await ledger.scoped_lock();
  auto i = co_await index_lock.scoped_lock();
  co_return 1;
}

inhouse::task<int> reindex() {
  co_await ledger.lock();
  ledger.unlock();
  auto i = co_await index_lock.scoped_lock();
  co_return 2;
}
