// The Workerman example gone wrong: a repeating timer polls for the
// configuration, and the reader sets the flag only when the file parses.
// When it does not, the reader records the error and returns: the timer
// polls for ever and the service never starts.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

fake::loop loop;
bool config_loaded = false;
bool config_broken = false;
unsigned long poll_id = 0;

bool parse_config();
void apply_config();

void on_config_read() {
  if (!parse_config()) {
    config_broken = true; // expect-path: timer-polling {{'on_config_read' records 'config_broken' here, on a path that skips the set}}
    return;
  }
  config_loaded = true; // expect-path: timer-polling {{'config_loaded' is set here}}
}

void start() {
  on_config_read();
  poll_id = loop.add_periodic_timer(100ms, [] { // expect-path: timer-polling {{handed to the loop here}}
    if (!config_loaded) // expect-warning: timer-polling {{timer callback polls 'config_loaded': on every tick while it is unset it only returns; 'config_loaded' is set only by 'on_config_read', which can end without setting it, recording 'config_broken' instead: on that path this never ends}}
      return;
    apply_config();
    loop.cancel_timer(poll_id);
  });
}
