// An async mutex locked without keeping a guard is held until its unlock():
// 'audit' unlocks 'journal' before locking 'accounts', so the orders agree.
// 'report' does not, and forms the cycle.
#include <fake/coro.h>

fake::async_mutex accounts;
fake::async_mutex journal;

fake::task<void> post_entry() {
  auto a = co_await accounts.lock(); // expect-path: lock-order-cycle {{'accounts' acquired here}}
  co_await journal.lock();           // expect-warning: lock-order-cycle {{('accounts' before 'journal' in 'post_entry'; 'journal' before 'accounts' in 'report')}}
  journal.unlock();
}

fake::task<void> audit() {
  co_await journal.lock();
  journal.unlock();
  co_await accounts.lock();
  accounts.unlock();
}

fake::task<void> report() {
  co_await journal.lock();  // expect-path: lock-order-cycle {{'journal' acquired here}}
  co_await accounts.lock(); // expect-path: lock-order-cycle {{'accounts' acquired here while 'journal' is held}}
  accounts.unlock();
  journal.unlock();
}
