// The twin of read_callback_bound_and_kept.cpp: the constructor also drains
// the descriptor once, at once, on the loop that builds the poller.
#include <cstdint>
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

class channel {
public:
  void set_read_callback(std::function<void()> &&cb) { read_cb_ = std::move(cb); }

private:
  std::function<void()> read_cb_;
};

class poller {
public:
  explicit poller(int fd) : fd_(fd) {
    ch_.set_read_callback(std::bind(&poller::drain, this));
    drain();
  }

private:
  void drain() {
    std::uint64_t n = 0;
    (void)read(fd_, &n, sizeof n); // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
  }
  channel ch_;
  int fd_;
};

void watch(fake::loop &loop, int fd) {
  loop.post([fd] { static poller p(fd); });
}
