// The twin of session_waits_for_its_client_a_bounded_time.cpp, whose
// awaiter is not told how long to wait: it parks the session on the
// descriptor alone, and a client that connects and sends nothing holds the
// session for ever.
#include <cerrno>
#include <chrono>
#include <fake/coro.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

class readable {
public:
  readable(int epoll, int fd) : epoll_(epoll), fd_(fd) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiter) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = waiter.address();
    epoll_ctl(epoll_, EPOLL_CTL_MOD, fd_, &ev);
  }
  void await_resume() const noexcept {}

private:
  int epoll_, fd_;
};

fake::task<void> session(int epoll, int fd) {
  char buf[512];
  for (;;) {
    co_await readable(epoll, fd); // expect-warning: missing-timeout {{'session' waits for a peer with no deadline: it suspends here until its socket is ready}}
    long n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0 && errno == EAGAIN)
      continue;
    if (n <= 0)
      break;
  }
  ::close(fd);
}

void on_accept(fake::loop &loop, int epoll, int fd) {
  loop.spawn(session(epoll, fd));
}
