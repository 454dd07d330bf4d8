// Periodic maintenance and shutdown.
#include "chat.h"

#include <chrono>

using namespace std::chrono_literals;

void Server::request_shutdown() {
  loop_.post([this] { shutdown_requested_ = true; });
}

void Server::start_housekeeping() {
  loop_.add_timer(1000ms, [this] {
    // Not a lock-across-suspend bug. Future rule timer-polling: this timer
    // callback polls a flag that only another loop callback sets, so the loop
    // never gets to run that callback and the spin never ends.
    while (!shutdown_requested_) {
    }
    for (auto &s : sessions_)
      s->close();
  });
}
