// 'audit' lets go of 'journal' (its guard's scope ends) before it takes
// 'accounts': it never holds one while waiting for the other.
// expect-no-findings
#include <fake/coro.h>

fake::async_mutex accounts;
fake::async_mutex journal;
int lines = 0;

fake::task<void> post_entry() {
  auto a = co_await accounts.lock();
  auto j = co_await journal.lock();
}

fake::task<void> audit() {
  {
    auto j = co_await journal.lock();
    ++lines;
  }
  auto a = co_await accounts.lock();
}
