// The twin of eventfd_created_blocking.cpp: the loop drains a wake-up
// counter created with EFD_NONBLOCK, so a read with nothing counted returns
// EAGAIN instead of waiting.
#include <cstdint>
#include <fake/coro.h>
#include <sys/eventfd.h>
#include <unistd.h>

class waker {
public:
  waker() { counter_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }
  std::uint64_t drain() {
    std::uint64_t n = 0;
    read(counter_, &n, sizeof n);
    return n;
  }

private:
  int counter_ = -1;
};

void drain_every_tick(fake::loop &loop, waker &w) {
  loop.add_periodic_timer(fake::milliseconds(10), [&w] { w.drain(); });
}
// expect-no-findings
