// The second order only tries: try_lock() gives up instead of waiting, so it
// cannot be one half of a deadlock.
// expect-no-findings
#include <fake/coro.h>

fake::async_mutex accounts;
fake::async_mutex journal;

fake::task<void> post_entry() {
  auto a = co_await accounts.lock();
  auto j = co_await journal.lock();
}

fake::task<void> audit() {
  auto j = co_await journal.lock();
  if (accounts.try_lock())
    accounts.unlock();
}
