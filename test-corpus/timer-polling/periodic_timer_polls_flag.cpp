// The C++ form of the Workerman example: a repeating timer that wakes up every
// 100 ms only to find the configuration not loaded yet, until it is.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

fake::loop loop;
bool config_loaded = false;
unsigned long poll_id = 0;

void apply_config();

void on_config_read() {
  config_loaded = true; // expect-path: timer-polling {{'config_loaded' is set here}}
}

void start() {
  poll_id = loop.add_periodic_timer(100ms, [] { // expect-path: timer-polling {{handed to the loop here}}
    if (!config_loaded) // expect-warning: timer-polling {{timer callback polls 'config_loaded': on every tick while it is unset it only returns; do the work where the flag is set, or wait on an event there; 'config_loaded' is set in 'on_config_read'}}
      return;
    apply_config();
    loop.cancel_timer(poll_id);
  });
}
