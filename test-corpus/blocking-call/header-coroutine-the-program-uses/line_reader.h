#pragma once
#include <fake/coro.h>
#include <string>
#include <sys/socket.h>

// A reader whose public member is a template over the buffer, instantiated
// only where a program calls it; the work is a private coroutine that reads
// the socket with a plain, blocking recv once the loop resumes it.
class line_reader {
public:
  explicit line_reader(int fd) : fd_(fd) {}

  template <class Buffer> fake::task<std::string> read_line(Buffer &buffer) {
    long n = co_await read_some(buffer.data(), buffer.size());
    co_return std::string(buffer.data(), n > 0 ? n : 0);
  }

private:
  fake::task<long> read_some(char *data, unsigned long size) {
    co_await fake::yield_now();
    co_return ::recv(fd_, data, size, 0); // expect-warning: blocking-call {{call to 'recv' blocks the event loop (receives from a socket)}}
  }

  int fd_;
};
