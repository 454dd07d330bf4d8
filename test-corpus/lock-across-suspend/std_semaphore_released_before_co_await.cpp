// expect-no-findings
//
// Looks like std_semaphore_held_across_co_await, but the unit is given back
// before the coroutine suspends, and the take is a try that never waits, so
// nothing blocks the loop either.
#include <fake/coro.h>
#include <semaphore>

std::binary_semaphore journal_turn{1};
fake::event flushed;
int pending = 0;

fake::task<void> append_entry() {
  if (journal_turn.try_acquire()) {
    ++pending;
    journal_turn.release();
  }
  co_await flushed;
}
