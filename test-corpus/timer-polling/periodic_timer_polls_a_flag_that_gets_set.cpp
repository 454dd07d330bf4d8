// The C++ form of the Workerman example: a repeating timer that wakes up every
// 100 ms only to find the configuration not loaded yet, until it is. The
// reader sets the flag on every path, so the polling ends: slow, not stuck.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

fake::loop loop;
bool config_loaded = false;
unsigned long poll_id = 0;

void apply_config();

void on_config_read() {
  config_loaded = true;
}

void start() {
  poll_id = loop.add_periodic_timer(100ms, [] {
    if (!config_loaded)
      return;
    apply_config();
    loop.cancel_timer(poll_id);
  });
}
