// A loop's timer queue gets its descriptor from a helper that makes it with
// TFD_NONBLOCK and returns it, as event loops written in the muduo style do
// (`timerfd_(createTimerfd())`): the descriptor the member keeps is
// non-blocking, so the loop's read of it returns at once. The twin,
// timerfd_made_by_a_helper_blocking.cpp, makes it without the flag.
// expect-no-findings
#include <cstdint>
#include <cstdlib>
#include <fake/coro.h>
#include <sys/timerfd.h>
#include <unistd.h>

static int make_timer_descriptor() {
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
  if (fd < 0)
    std::abort();
  return fd;
}

class timer_queue {
public:
  explicit timer_queue(fake::loop &loop) : fd_(make_timer_descriptor()) {
    loop.add_periodic_timer(fake::milliseconds(1), [this] { expire(); });
  }

private:
  void expire() {
    std::uint64_t ticks = 0;
    if (read(fd_, &ticks, sizeof ticks) < 0)
      return;
  }
  int fd_;
};
