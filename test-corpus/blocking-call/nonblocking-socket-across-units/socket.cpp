// The twin of blocking-socket-across-units: the socket's descriptor is made
// non-blocking in this unit, by a mode the caller chooses at run time (which
// counts as non-blocking), and the calls on it are in another unit. A recv,
// send or connect on it returns at once.
#include "net.h"
#include <fcntl.h>
#include <sys/socket.h>

namespace net {

bool stream_socket::set_mode(mode m) {
  int flags = fcntl(fd_, F_GETFL, 0);
  if (flags == -1)
    return false;
  flags = m == mode::blocking ? flags & ~O_NONBLOCK : (flags | O_NONBLOCK);
  return fcntl(fd_, F_SETFL, flags) == 0;
}

stream_socket open_stream(stream_socket::mode m) {
  stream_socket s{::socket(AF_INET, SOCK_STREAM, 0)};
  if (m == stream_socket::mode::nonblocking)
    s.set_mode(m);
  return s;
}

} // namespace net
// expect-no-findings
