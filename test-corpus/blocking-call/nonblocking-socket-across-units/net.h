#pragma once
#include <fake/coro.h>

namespace net {

// A socket that owns its descriptor. Code reaches the descriptor through
// native_handle(), never through the field.
class stream_socket {
public:
  enum class mode { blocking, nonblocking };

  stream_socket() = default;
  explicit stream_socket(int fd) : fd_(fd) {}

  int native_handle() const { return fd_; }
  bool set_mode(mode m);

private:
  int fd_ = -1;
};

stream_socket open_stream(stream_socket::mode m);

// A connected peer: every operation returns at once, and the caller polls
// the loop for readiness when one reports EAGAIN.
class peer {
public:
  peer();
  fake::task<long> receive(char *buf, unsigned long size);
  long send_now(const char *buf, unsigned long size);

private:
  stream_socket socket_;
};

} // namespace net
