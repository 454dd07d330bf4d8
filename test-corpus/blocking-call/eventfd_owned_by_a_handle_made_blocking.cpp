// The twin of eventfd_owned_by_a_handle_made_nonblocking.cpp: the helper
// creates the wake-up counter without EFD_NONBLOCK before handing it to the
// RAII handle's constructor, so the loop's read through the handle's getter
// waits whenever nothing has been counted, stalling every other task.
#include <cstdint>
#include <fake/coro.h>
#include <sys/eventfd.h>
#include <unistd.h>

class unique_fd {
public:
  explicit unique_fd(int fd) : fd_(fd) {}
  ~unique_fd() { ::close(fd_); }
  int get() const { return fd_; }

private:
  int fd_;
};

unique_fd make_wakeup_counter() {
  int fd = eventfd(0, EFD_CLOEXEC);
  return unique_fd{fd};
}

class waker {
public:
  waker() : counter_(make_wakeup_counter()) {}
  std::uint64_t drain() {
    std::uint64_t n = 0;
    ::read(counter_.get(), &n, sizeof n); // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
    return n;
  }

private:
  unique_fd counter_;
};

void drain_every_tick(fake::loop &loop, waker &w) {
  loop.add_periodic_timer(fake::milliseconds(10), [&w] { w.drain(); });
}
