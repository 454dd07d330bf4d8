// The twin of nonblocking-socket-across-units: the same socket, whose
// descriptor is only ever made blocking (the flag is cleared, never set). The
// calls on it in the other unit block the loop.
#include "net.h"
#include <fcntl.h>
#include <sys/socket.h>

namespace net {

bool stream_socket::make_blocking() {
  int flags = fcntl(fd_, F_GETFL, 0);
  if (flags == -1)
    return false;
  flags &= ~O_NONBLOCK;
  return fcntl(fd_, F_SETFL, flags & ~O_NONBLOCK) == 0;
}

stream_socket open_stream() {
  stream_socket s{::socket(AF_INET, SOCK_STREAM, 0)};
  s.make_blocking();
  return s;
}

} // namespace net
// expect-no-findings
