// An epoll server spawns one session per accepted connection and leaves it
// running. The session parks itself on the descriptor with an awaiter of
// its own and then reads with ::recv: nothing awaits the session, so no
// caller can give it a deadline, and a client that connects and sends
// nothing holds it for ever. corolint infers that the session waits for a
// peer (it calls ::recv and suspends) and reports its own wait.
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
    co_await readable{epoll, fd}; // expect-warning: missing-timeout {{'session' waits for a peer with no deadline: it suspends here until its socket is ready}}
    long n = ::recv(fd, buf, sizeof buf, 0);
    if (n < 0 && errno == EAGAIN)
      continue;
    if (n <= 0)
      break;
  }
}

void on_accept(fake::loop &loop, int epoll, int fd) {
  loop.spawn(session(epoll, fd));
}
