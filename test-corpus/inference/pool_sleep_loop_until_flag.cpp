// A coroutine on an in-house thread pool sleeps in a loop until another one
// sets a flag. The pool's sleep_for() is known to be a sleep only from its
// code: a worker that the pool starts itself resumes what it parks.
#include <atomic>
#include <chrono>
#include <inhouse/pool.h>
#include <inhouse/task.h>

std::atomic<bool> replica_caught_up{false};

inhouse::task<int> serve_reads(inhouse::pool &workers) {
  co_await workers.schedule();
  while (!replica_caught_up.load()) // expect-warning: timer-polling {{sleeps in a loop until 'replica_caught_up' changes}}
    co_await workers.sleep_for(std::chrono::milliseconds(5));
  co_return 0;
}

inhouse::task<int> catch_up(inhouse::pool &workers) {
  co_await workers.schedule();
  replica_caught_up.store(true);
  co_return 0;
}
