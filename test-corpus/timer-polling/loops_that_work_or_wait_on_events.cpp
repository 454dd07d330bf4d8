// Look-alikes that are not polling: a loop that does work on every tick until
// stopped, and a coroutine that awaits an event rather than a flag.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

bool stopped = false;
fake::event upstream_ready;
int flushed = 0;

void flush_logs() { ++flushed; }

fake::task<void> flusher() {
  while (!stopped) {
    co_await fake::sleep_for(1000ms);
    flush_logs();
  }
}

fake::task<void> forward_requests() { co_await upstream_ready; }

fake::task<void> connect_upstream() {
  co_await fake::sleep_for(250ms);
  upstream_ready.set();
}

void stop() { stopped = true; }
