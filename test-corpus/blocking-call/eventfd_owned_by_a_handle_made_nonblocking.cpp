// A descriptor owner (an RAII handle that closes it) is built by a helper
// that creates the wake-up counter with EFD_NONBLOCK and hands it to the
// handle's constructor; the loop reads the counter through the handle's
// getter every tick. With nothing counted the read returns EAGAIN. The twin,
// eventfd_owned_by_a_handle_made_blocking.cpp, creates it without the flag.
// expect-no-findings
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
  int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
  return unique_fd{fd};
}

class waker {
public:
  waker() : counter_(make_wakeup_counter()) {}
  std::uint64_t drain() {
    std::uint64_t n = 0;
    ::read(counter_.get(), &n, sizeof n);
    return n;
  }

private:
  unique_fd counter_;
};

void drain_every_tick(fake::loop &loop, waker &w) {
  loop.add_periodic_timer(fake::milliseconds(10), [&w] { w.drain(); });
}
