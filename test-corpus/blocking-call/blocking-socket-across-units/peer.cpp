#include "net.h"
#include <netinet/in.h>
#include <sys/socket.h>

namespace net {

peer::peer() : socket_(open_stream()) {}

fake::task<long> peer::receive(char *buf, unsigned long size) {
  sockaddr_in to{};
  to.sin_family = AF_INET;
  ::connect(socket_.native_handle(), reinterpret_cast<sockaddr *>(&to), // expect-path: blocking-call {{'connect' blocks here}}
            sizeof to);
  co_await fake::yield_now();
  co_return ::recv(socket_.native_handle(), buf, size, 0); // expect-warning: blocking-call {{call to 'recv' blocks the event loop (receives from a socket)}}
}

long peer::send_now(const char *buf, unsigned long size) {
  return ::send(socket_.native_handle(), buf, size, 0); // expect-path: blocking-call {{'send' blocks here}}
}

fake::task<void> echo(peer &p) {
  char buf[64];
  long n = co_await p.receive(buf, sizeof buf); // expect-warning: blocking-call {{call to 'net::peer::receive' reaches 'connect', which blocks the event loop (connects a socket)}}
  p.send_now(buf, static_cast<unsigned long>(n)); // expect-warning: blocking-call {{call to 'net::peer::send_now' reaches 'send', which blocks the event loop (sends on a socket)}}
}

} // namespace net
