// The fix of sleep_loop_until_a_connect_that_may_fail.cpp: the loop also
// stops once the connecting task records its failure, so it ends on both
// paths.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

bool handshake();

class upstream {
public:
  fake::task<void> forward_requests() {
    while (!ready_ && !failed_)
      co_await fake::sleep_for(10ms);
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
