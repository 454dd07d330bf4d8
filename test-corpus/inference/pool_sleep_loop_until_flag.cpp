// A coroutine on an in-house thread pool sleeps in a loop until another one
// sets a flag. The pool's sleep_for() is known to be a sleep only from its
// code: a worker that the pool starts itself resumes what it parks. The
// catch-up sets a flag of its own, and nothing sets the one polled.
#include <atomic>
#include <chrono>
#include <inhouse/pool.h>
#include <inhouse/task.h>

static std::atomic<bool> replica_caught_up{false};
static std::atomic<bool> replica_synced{false};

inhouse::task<int> serve_reads(inhouse::pool &workers) {
  co_await workers.schedule();
  while (!replica_caught_up.load()) // expect-warning: timer-polling {{sleeps in a loop until 'replica_caught_up' changes, and nothing in the analyzed program sets 'replica_caught_up': this never ends}}
    co_await workers.sleep_for(std::chrono::milliseconds(5));
  co_return 0;
}

inhouse::task<int> catch_up(inhouse::pool &workers) {
  co_await workers.schedule();
  replica_synced.store(true);
  co_return 0;
}
