// An in-house loop, known only from its code: defer() keeps callables that
// turn() takes out and calls, then waits in poll() for its descriptors. A
// deferred shutdown task waits for the log shipper to drain by sleeping
// until the pipe has taken every line: the handler that writes them is the
// loop's, and the loop is asleep in that task.
#include <chrono>
#include <thread>
#include <functional>
#include <poll.h>
#include <string>
#include <unistd.h>
#include <vector>

class frame_loop {
public:
  void defer(std::function<void()> fn) { deferred_.push_back(std::move(fn)); }
  void on_writable(int fd, std::function<void()> fn) {
    fd_ = fd;
    writable_ = std::move(fn);
  }
  void quit() { quitting_ = true; }
  void run() {
    while (!quitting_)
      turn(-1);
  }

  void turn(int wait_ms) {
    if (!deferred_.empty()) {
      std::vector<std::function<void()>> now;
      now.swap(deferred_);
      for (auto &fn : now)
        fn();
      return;
    }
    pollfd ready{fd_, POLLOUT, 0};
    if (::poll(&ready, 1, wait_ms) > 0 && writable_)
      writable_();
  }

private:
  std::vector<std::function<void()>> deferred_;
  std::function<void()> writable_;
  int fd_ = -1;
  bool quitting_ = false;
};

class log_shipper {
public:
  log_shipper(frame_loop &loop, int fd) : loop_(loop), fd_(fd) {
    loop_.on_writable(fd_, [this] { ship_one(); });
  }
  void add(std::string line) { pending_.push_back(std::move(line)); }
  void drain_and_close() {
    while (!pending_.empty())
      std::this_thread::sleep_for(std::chrono::milliseconds(10)); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
    ::close(fd_);
  }

private:
  void ship_one() {
    if (pending_.empty())
      return;
    ::write(fd_, pending_.back().data(), pending_.back().size());
    pending_.pop_back();
  }

  frame_loop &loop_;
  int fd_;
  std::vector<std::string> pending_;
};

int main() {
  int fds[2];
  if (::pipe(fds) != 0)
    return 1;
  frame_loop loop;
  log_shipper shipper(loop, fds[1]);
  loop.defer([&] { shipper.add("started"); });
  loop.defer([&] {
    shipper.drain_and_close();
    loop.quit();
  });
  loop.run();
}
