// Periodic maintenance and shutdown.
#include "chat.h"

#include <chrono>

using namespace std::chrono_literals;

void Server::request_shutdown() {
  loop_.post([this] { shutdown_requested_ = true; });
}

void Server::start_housekeeping() {
  loop_.add_timer(1000ms, [this] {
    // This timer callback spins on a flag that only another loop callback
    // sets, so the loop never gets to run that callback: the spin never ends.
    while (!shutdown_requested_) { // expect-error: timer-polling {{spins on the event loop's thread until 'Server::shutdown_requested_' changes; only code the loop runs sets it}}
    }
    for (auto &s : sessions_)
      s->close();
  });
}
