// The twin of timerfd_made_by_a_helper_nonblocking.cpp: the helper makes
// the timer descriptor without TFD_NONBLOCK (or gives -1 on a failure), so
// the loop's read of it waits until the timer expires.
#include <cstdint>
#include <fake/coro.h>
#include <sys/timerfd.h>
#include <unistd.h>

static int make_timer_descriptor() {
  int fd = timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC);
  if (fd < 0)
    return -1;
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
    if (read(fd_, &ticks, sizeof ticks) < 0) // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
      return;
  }
  int fd_;
};
