// expect-no-findings
//
// The shape of std_semaphore_held_across_co_await with a coroutine semaphore:
// its waiters suspend instead of blocking the thread, so holding a unit
// across a co_await is what it is for.
#include <fake/coro.h>

fake::semaphore journal_turn{1};
fake::event flushed;

fake::task<void> append_entry() {
  co_await journal_turn.acquire();
  co_await flushed;
  journal_turn.release();
}

fake::task<void> append_with_units() {
  auto units = co_await fake::get_units(journal_turn);
  co_await flushed;
}
