// A coroutine on an in-house loop sleeps in a loop until another one sets a
// flag. The loop's after() is known to be a sleep only from its code: its
// awaiter hands call_later() a callable that resumes the coroutine, and
// call_later() hands it on to the loop's timer. The rebuild sets a flag of
// its own, and nothing sets the one polled.
#include <chrono>
#include <inhouse/task.h>
#include <inhouse/timer_loop.h>

static bool index_rebuilt = false;
static bool index_swapped = false;

inhouse::task<int> serve_queries(inhouse::timer_loop &loop) {
  while (!index_rebuilt) // expect-warning: timer-polling {{sleeps in a loop until 'index_rebuilt' changes, and nothing in the analyzed program sets 'index_rebuilt': this never ends}}
    co_await loop.after(std::chrono::milliseconds(10));
  co_return 0;
}

inhouse::task<int> rebuild_index(inhouse::timer_loop &loop) {
  co_await loop.after(std::chrono::milliseconds(40));
  index_swapped = true;
  co_return 0;
}
