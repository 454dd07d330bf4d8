// A connection's coroutine wakes when its descriptor is readable and drains
// what arrived: MSG_DONTWAIT asks each recv to return at once when the
// socket is empty, so the last one fails with EAGAIN and the coroutine goes
// back to waiting. Nothing blocks the loop. Twin: socket_drained_waiting.cpp.
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
    while ((n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT)) > 0)
      in.consume(buf, n);
    if (n == 0)
      break;
    (void)::send(fd, "ok", 2, MSG_DONTWAIT | MSG_NOSIGNAL);
  }
}

void on_accept(fake::loop &loop, int fd, inbox &in) {
  loop.spawn(drain(fd, in));
}
// expect-no-findings
