// A poller built on the loop gives its channel a read callback made with
// std::bind, which the channel keeps in a std::function member for when the
// descriptor is readable: building the poller reads nothing, so nothing
// blocks here. (The shape of muduo-style loops: `setReadCallback(
// std::bind(&EventLoop::wakeupRead, this))` in the loop's constructor.) The
// twin, read_callback_called_when_bound.cpp, reads once in the constructor.
// expect-no-findings
#include <cstdint>
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

class channel {
public:
  void set_read_callback(std::function<void()> &&cb) { read_cb_ = std::move(cb); }
  void set_error_callback(const std::function<void()> &cb) { error_cb_ = cb; }

private:
  std::function<void()> read_cb_;
  std::function<void()> error_cb_;
};

class poller {
public:
  explicit poller(int fd) : fd_(fd) {
    ch_.set_read_callback(std::bind(&poller::drain, this));
    ch_.set_error_callback([this] { drain(); });
  }

private:
  void drain() {
    std::uint64_t n = 0;
    (void)read(fd_, &n, sizeof n);
  }
  channel ch_;
  int fd_;
};

void watch(fake::loop &loop, int fd) {
  loop.post([fd] { static poller p(fd); });
}
