// The same two coroutines, both taking 'accounts' before 'journal': one order
// everywhere cannot deadlock.
// expect-no-findings
#include <fake/coro.h>

fake::async_mutex accounts;
fake::async_mutex journal;

fake::task<void> post_entry() {
  auto a = co_await accounts.lock();
  auto j = co_await journal.lock();
}

fake::task<void> audit() {
  auto a = co_await accounts.lock();
  auto j = co_await journal.lock();
}
