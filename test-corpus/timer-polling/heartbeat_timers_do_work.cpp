// Periodic timers that do real work on every tick are not polling: a
// heartbeat, and one that stops sending once the session is closed (a test
// for "stop", which is how the timer ends, not what it waits for).
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

fake::loop loop;
bool closed = false;
int sent = 0;

void send_heartbeat() { ++sent; }

void start() {
  loop.add_periodic_timer(1000ms, [] { send_heartbeat(); });
  loop.add_periodic_timer(1000ms, [] {
    if (closed)
      return;
    send_heartbeat();
  });
}

void close_session() { closed = true; }
