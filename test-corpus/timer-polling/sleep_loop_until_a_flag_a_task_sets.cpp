// A coroutine that sleeps in a loop until another task sets a flag. It should
// await an event that task could set, but it is slow, not stuck: the task
// sets the flag on every path, and the loop ends a tick later.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

bool upstream_ready = false;

fake::task<void> forward_requests() {
  while (!upstream_ready)
    co_await fake::sleep_for(10ms);
}

fake::task<void> connect_upstream() {
  co_await fake::sleep_for(250ms);
  upstream_ready = true;
}
