// An awaiter of a hand-rolled epoll loop keeps, in a std::function member,
// the read to do once the descriptor is ready, and asks the loop to watch
// it. Assigning the lambda does not run it: the loop calls it after epoll
// says the descriptor is readable, so nothing here blocks. The twin,
// completion_run_at_once_in_await_suspend.cpp, reads in await_suspend itself.
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

struct watcher {
  void watch(int fd, std::function<void()> ready);
};
watcher poller;

struct read_some {
  int fd;
  char *buffer;
  unsigned long size;
  long result = 0;
  std::function<long()> complete_;

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiting) {
    complete_ = [this] { return ::read(fd, buffer, size); };
    poller.watch(fd, [this, waiting] {
      result = complete_();
      waiting.resume();
    });
  }
  long await_resume() const noexcept { return result; }
};

fake::task<long> read_header(int fd, char *buffer) {
  co_await fake::yield_now();
  co_return co_await read_some{fd, buffer, 16};
}
// expect-no-findings
