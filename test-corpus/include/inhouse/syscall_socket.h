// inhouse/syscall_socket.h - awaiters over non-blocking system calls, as
// small epoll servers write them: a CRTP base tries the derived awaiter's
// syscall() in await_suspend, suspends when it would block (leaving the
// handle where the poller finds it once epoll reports the descriptor
// ready), and retries in await_resume. No model describes it: what each
// awaiter waits for is inferred from the call its own syscall() makes.
#ifndef INHOUSE_SYSCALL_SOCKET_H
#define INHOUSE_SYSCALL_SOCKET_H

#include <cerrno>
#include <cstddef>
#include <fake/coroutine.h>
#include <sys/socket.h>

namespace inhouse {

class raw_socket;

template <class Op> class syscall_awaiter {
public:
  bool await_ready() const noexcept { return false; }
  bool await_suspend(std::coroutine_handle<> waiter) {
    result_ = static_cast<Op *>(this)->syscall();
    if (result_ != -1 || errno != EAGAIN)
      return false;
    static_cast<Op *>(this)->park(waiter);
    return true;
  }
  long await_resume() {
    if (result_ == -1)
      result_ = static_cast<Op *>(this)->syscall();
    return result_;
  }

private:
  long result_ = -1;
};

class recv_op : public syscall_awaiter<recv_op> {
public:
  recv_op(raw_socket &s, char *buf, std::size_t size)
      : socket_(s), buf_(buf), size_(size) {}
  long syscall();
  void park(std::coroutine_handle<> waiter);

private:
  raw_socket &socket_;
  char *buf_;
  std::size_t size_;
};

class accept_op : public syscall_awaiter<accept_op> {
public:
  explicit accept_op(raw_socket &s) : socket_(s) {}
  long syscall();
  void park(std::coroutine_handle<> waiter);

private:
  raw_socket &socket_;
};

class raw_socket {
public:
  explicit raw_socket(int fd) : fd_(fd) {}
  recv_op recv(char *buf, std::size_t size) { return {*this, buf, size}; }
  accept_op accept() { return accept_op{*this}; }

  int fd_;
  std::coroutine_handle<> parked_;
};

inline long recv_op::syscall() { return ::recv(socket_.fd_, buf_, size_, 0); }
inline void recv_op::park(std::coroutine_handle<> waiter) {
  socket_.parked_ = waiter;
}
inline long accept_op::syscall() {
  return ::accept(socket_.fd_, nullptr, nullptr);
}
inline void accept_op::park(std::coroutine_handle<> waiter) {
  socket_.parked_ = waiter;
}

} // namespace inhouse

#endif
