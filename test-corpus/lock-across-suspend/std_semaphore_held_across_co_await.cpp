// A std::binary_semaphore used as a mutex in a coroutine, on the real
// libstdc++ header: the unit is held across the co_await, so another
// coroutine on this thread that calls acquire() blocks the thread, and the
// holder can never resume to release it.
#include <fake/coro.h>
#include <semaphore>

std::binary_semaphore journal_turn{1};
fake::event flushed;

fake::task<void> append_entry() {
  journal_turn.acquire(); // expect-path: lock-across-suspend {{semaphore 'journal_turn' acquired here}} expect-warning: blocking-call {{std::counting_semaphore::acquire}}
  co_await flushed;       // expect-warning: lock-across-suspend {{semaphore 'journal_turn' is held across co_await}}
  journal_turn.release();
}
