// A timer callback that does non-blocking work on every tick.
// expect-no-findings
#include <fake/coro.h>

int beats = 0;
fake::event beat;

void start_heartbeat(fake::loop &loop) {
  loop.add_timer(fake::milliseconds(1000), [] {
    ++beats;
    beat.set();
  });
}
