// A coroutine on an in-house loop that its user runs (cppcoro's io_service
// shape) waits out short delays in a loop until another one sets a flag.
// schedule_after() is known to be a sleep only from the library's code: its
// awaiter queues the coroutine for process_events(), which waits for more
// work going round its loop, so the class is a loop, not an event. The
// warm-up sets a flag of its own, and nothing sets the one polled.
#include <chrono>
#include <inhouse/io_context.h>
#include <inhouse/task.h>
#include <thread>

static bool cache_warm = false;
static bool cache_loaded = false;

inhouse::task<int> serve(inhouse::io_context &io) {
  co_await io.schedule();
  while (!cache_warm) // expect-warning: timer-polling {{sleeps in a loop until 'cache_warm' changes, and nothing in the analyzed program sets 'cache_warm': this never ends}}
    co_await io.schedule_after(std::chrono::milliseconds(5));
  co_return 0;
}

inhouse::task<int> warm_cache(inhouse::io_context &io) {
  co_await io.schedule();
  cache_loaded = true;
  co_return 0;
}

int main() {
  inhouse::io_context io;
  std::thread runner([&] { io.process_events(); });
  runner.join();
}
