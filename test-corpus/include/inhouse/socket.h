// inhouse/socket.h - a non-blocking TCP connection over a readiness
// reactor, as hand-rolled epoll servers write one. read() tries ::recv and,
// when the socket has nothing yet, suspends until the reactor finds the
// descriptor readable; the reactor hands epoll the waiter's address and
// resumes what epoll_wait gives back. A limit of zero waits for ever. No
// model describes this library: that read() waits for a peer is inferred
// from its code (a coroutine that calls ::recv and suspends).
#ifndef INHOUSE_SOCKET_H
#define INHOUSE_SOCKET_H

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <inhouse/task.h>
#include <sys/epoll.h>
#include <sys/socket.h>

namespace inhouse {

class reactor {
public:
  struct readiness {
    int epoll;
    int fd;
    unsigned events;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> waiter) {
      epoll_event ev{};
      ev.events = events | EPOLLONESHOT;
      ev.data.ptr = waiter.address();
      epoll_ctl(epoll, EPOLL_CTL_MOD, fd, &ev);
    }
    bool await_resume() const noexcept { return true; }
  };

  readiness readable(int fd, std::chrono::milliseconds limit) {
    arm_deadline(fd, limit);
    return {epoll_, fd, EPOLLIN};
  }
  readiness writable(int fd) { return {epoll_, fd, EPOLLOUT}; }

  void run() {
    epoll_event ready[64];
    for (;;) {
      int n = epoll_wait(epoll_, ready, 64, -1);
      for (int i = 0; i < n; ++i)
        std::coroutine_handle<>::from_address(ready[i].data.ptr).resume();
    }
  }

private:
  void arm_deadline(int fd, std::chrono::milliseconds limit) {
    if (limit.count() > 0)
      deadlines_[fd % 64] = limit;
  }

  int epoll_ = epoll_create1(0);
  std::chrono::milliseconds deadlines_[64]{};
};

class connection {
public:
  connection(reactor &r, int fd) : reactor_(r), fd_(fd) {}

  // What the peer sent, or -1; waits at most `limit` (for ever at zero).
  task<long> read(char *buf, std::size_t size,
                  std::chrono::milliseconds limit = std::chrono::milliseconds{0}) {
    for (;;) {
      long n = ::recv(fd_, buf, size, 0);
      if (n >= 0 || errno != EAGAIN)
        co_return n;
      co_await reactor_.readable(fd_, limit);
    }
  }

  task<long> write(const char *buf, std::size_t size) {
    for (;;) {
      long n = ::send(fd_, buf, size, 0);
      if (n >= 0 || errno != EAGAIN)
        co_return n;
      co_await reactor_.writable(fd_);
    }
  }

private:
  reactor &reactor_;
  int fd_;
};

} // namespace inhouse

#endif
