// The twin of socket_drained_without_waiting.cpp, without MSG_DONTWAIT: the
// recv after the last byte waits for more, on the loop's thread, for as
// long as the client sends nothing, and every other connection stalls.
#include <fake/coro.h>
#include <sys/socket.h>

struct inbox {
  unsigned long bytes = 0;
  void consume(const char *, long n) { bytes += n; }
};

fake::task<void> drain(int fd, inbox &in) {
  char buf[256];
  for (;;) {
    co_await fake::yield_now();
    long n;
    while ((n = ::recv(fd, buf, sizeof buf, 0)) > 0) // expect-warning: blocking-call {{call to 'recv' blocks the event loop (receives from a socket)}}
      in.consume(buf, n);
    if (n == 0)
      break;
    (void)::send(fd, "ok", 2, MSG_NOSIGNAL); // expect-warning: blocking-call {{call to 'send' blocks the event loop (sends on a socket)}}
  }
}

void on_accept(fake::loop &loop, int fd, inbox &in) {
  loop.spawn(drain(fd, in));
}
