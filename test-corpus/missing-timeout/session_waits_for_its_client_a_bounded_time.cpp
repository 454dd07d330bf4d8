// An epoll server spawns one session per accepted connection and leaves it
// running. The session's awaiter is handed how long to wait: it parks the
// coroutine on the descriptor and on the server's deadline list, and
// whichever comes first resumes it. A client that connects and sends nothing
// costs the session a hundred milliseconds per round, and fifty quiet rounds
// close it. Twin: session_waits_for_its_client_without_a_bound.cpp.
#include <cerrno>
#include <chrono>
#include <fake/coro.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <vector>

struct parked {
  std::chrono::steady_clock::time_point deadline;
  std::coroutine_handle<> waiter;
};
std::vector<parked> deadlines;

class readable {
public:
  readable(int epoll, int fd, std::chrono::milliseconds timeout)
      : epoll_(epoll), fd_(fd), timeout_(timeout) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiter) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = waiter.address();
    epoll_ctl(epoll_, EPOLL_CTL_MOD, fd_, &ev);
    deadlines.push_back({std::chrono::steady_clock::now() + timeout_, waiter});
  }
  void await_resume() const noexcept {}

private:
  int epoll_, fd_;
  std::chrono::milliseconds timeout_;
};

fake::task<void> session(int epoll, int fd) {
  char buf[512];
  int quiet = 0;
  while (quiet < 50) {
    co_await readable(epoll, fd, std::chrono::milliseconds(100));
    long n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && errno == EAGAIN) {
      ++quiet;
      continue;
    }
    quiet = 0;
    if (n <= 0)
      break;
  }
  ::close(fd);
}

void on_accept(fake::loop &loop, int epoll, int fd) {
  loop.spawn(session(epoll, fd));
}

// expect-no-findings
