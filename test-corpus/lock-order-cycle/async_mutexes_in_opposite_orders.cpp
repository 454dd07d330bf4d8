// Two coroutines take the same two async mutexes in opposite orders. When both
// run, each can get its first mutex and then wait forever for the other's.
#include <fake/coro.h>

fake::async_mutex accounts;
fake::async_mutex journal;

fake::task<void> post_entry() {
  auto a = co_await accounts.lock(); // expect-path: lock-order-cycle {{'accounts' acquired here}}
  auto j = co_await journal.lock();  // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders ('accounts' before 'journal' in 'post_entry'; 'journal' before 'accounts' in 'audit')}}
}

fake::task<void> audit() {
  auto j = co_await journal.lock();  // expect-path: lock-order-cycle {{'journal' acquired here}}
  auto a = co_await accounts.lock(); // expect-path: lock-order-cycle {{'accounts' acquired here while 'journal' is held}}
}
