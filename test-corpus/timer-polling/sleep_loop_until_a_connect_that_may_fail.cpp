// A coroutine sleeps in a loop until the upstream connection is up. The
// connecting task sets the flag only when the handshake succeeds; when it
// fails, it records the failure and ends, and the loop sleeps for ever.
// Printing while it waits is side work: it does not end the wait.
#include <fake/coro.h>
#include <chrono>
#include <cstdio>

using namespace std::chrono_literals;

bool handshake();

class upstream {
public:
  fake::task<void> forward_requests() {
    while (!ready_) { // expect-warning: timer-polling {{sleeps in a loop until 'upstream::ready_' changes; 'upstream::ready_' is set only by 'upstream::connect', which can end without setting it, recording 'upstream::failed_' instead: on that path this never ends}}
      std::printf("waiting for upstream\n");
      co_await fake::sleep_for(10ms); // expect-path: timer-polling {{sleeps here between looks}}
    }
  }

  fake::task<void> connect() {
    co_await fake::sleep_for(250ms);
    if (!handshake()) {
      failed_ = true;
      co_return;
    }
    ready_ = true;
  }

private:
  bool ready_ = false;
  bool failed_ = false;
};

void run(fake::loop &loop, upstream &up) {
  loop.spawn(up.forward_requests());
  loop.spawn(up.connect());
}
