// The twin of socket_created_blocking.cpp: the listening socket is created
// with SOCK_NONBLOCK and each accepted connection with accept4(SOCK_NONBLOCK),
// so accepting and reading on the loop return EAGAIN instead of blocking.
#include <fake/coro.h>
#include <sys/socket.h>

class acceptor {
public:
  acceptor() : listener_(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0)) {}

  fake::task<long> serve_one(char *buf, unsigned long size) {
    co_await fake::yield_now();
    int client = accept4(listener_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    co_return recv(client, buf, size, 0);
  }

private:
  int listener_;
};

fake::task<void> serve(acceptor &a) {
  char buf[64];
  co_await a.serve_one(buf, sizeof buf);
}
// expect-no-findings
