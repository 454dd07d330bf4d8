// The twin of session_started_and_left_waits_for_its_client.cpp: the same
// session, awaited by a handler that bounds it with a timeout, which ends
// it when a client stays silent for thirty seconds.
// expect-no-findings
#include <cerrno>
#include <fake/coro.h>
#include <sys/epoll.h>
#include <sys/socket.h>

struct readable {
  int epoll;
  int fd;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiter) {
    epoll_event ev{};
    ev.events = EPOLLIN | EPOLLONESHOT;
    ev.data.ptr = waiter.address();
    epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &ev);
  }
  void await_resume() const noexcept {}
};

fake::task<void> session(int epoll, int fd) {
  char buf[512];
  for (;;) {
    co_await readable{epoll, fd};
    long n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EAGAIN)
      continue;
    if (n <= 0)
      break;
  }
}

fake::task<void> handle(int epoll, int fd) {
  co_await fake::with_timeout(session(epoll, fd), fake::milliseconds{30000});
}

void on_accept(fake::loop &loop, int epoll, int fd) {
  loop.spawn(handle(epoll, fd));
}
