// A coroutine that sleeps in a loop until another handler sets a flag, instead
// of awaiting an event that handler could set.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

bool upstream_ready = false;

fake::task<void> forward_requests() {
  while (!upstream_ready) // expect-warning: timer-polling {{sleeps in a loop until 'upstream_ready' changes: it wakes up on every tick for nothing and notices the change late; 'upstream_ready' is set in 'connect_upstream'}}
    co_await fake::sleep_for(10ms);
}

fake::task<void> connect_upstream() {
  co_await fake::sleep_for(250ms);
  upstream_ready = true;
}
