#pragma once
#include <fake/coro.h>
#include <string>
#include <sys/socket.h>

// A reader whose coroutine reads its socket with a plain, blocking recv
// once the loop resumes it.
class line_reader {
public:
  explicit line_reader(int fd) : fd_(fd) {}

  fake::task<std::string> read_line() {
    co_await fake::yield_now();
    char buf[128];
    long n = ::recv(fd_, buf, sizeof buf, 0);
    co_return std::string(buf, n > 0 ? n : 0);
  }

private:
  int fd_;
};
