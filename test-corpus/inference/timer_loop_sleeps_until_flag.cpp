// A coroutine on an in-house loop sleeps in a loop until another one sets a
// flag. The loop's after() is known to be a sleep only from its code: its
// awaiter hands call_later() a callable that resumes the coroutine, and
// call_later() hands it on to the loop's timer.
#include <chrono>
#include <inhouse/task.h>
#include <inhouse/timer_loop.h>

bool index_rebuilt = false;

inhouse::task<int> serve_queries(inhouse::timer_loop &loop) {
  while (!index_rebuilt) // expect-warning: timer-polling {{sleeps in a loop until 'index_rebuilt' changes}}
    co_await loop.after(std::chrono::milliseconds(10));
  co_return 0;
}

inhouse::task<int> rebuild_index(inhouse::timer_loop &loop) {
  co_await loop.after(std::chrono::milliseconds(40));
  index_rebuilt = true;
  co_return 0;
}
