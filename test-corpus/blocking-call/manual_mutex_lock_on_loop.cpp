// A synchronous mutex on the loop waits for whoever holds it; nothing here
// holds it for longer than an increment, so the wait is short: quiet. (Its
// twin: manual_mutex_lock_while_a_flusher_sleeps_holding_it.cpp.)
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex stats_mutex;
int hits = 0;

fake::task<void> count_hit() {
  stats_mutex.lock();
  ++hits;
  stats_mutex.unlock();
  co_return;
}
