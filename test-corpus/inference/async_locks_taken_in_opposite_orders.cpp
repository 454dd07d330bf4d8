// Two coroutines take the same two in-house async locks in opposite orders,
// through the guards that awaiting scoped_lock() gives. corolint knows the
// locks are mutexes, and the guards release them, only from their code.
#include <inhouse/async_lock.h>
#include <inhouse/task.h>

inhouse::async_lock ledger;
inhouse::async_lock index_lock;

inhouse::task<int> append_entry() {
  auto l = co_await ledger.scoped_lock(); // expect-path: lock-order-cycle {{'ledger' acquired here}}
  auto i = co_await index_lock.scoped_lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here while 'ledger' is held}}
  co_return 1;
}

inhouse::task<int> reindex() {
  auto i = co_await index_lock.scoped_lock(); // expect-path: lock-order-cycle {{'index_lock' acquired here}}
  auto l = co_await ledger.scoped_lock(); // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders ('index_lock' before 'ledger' in 'reindex'; 'ledger' before 'index_lock' in 'append_entry')}}
  co_return 2;
}
