// The twin of socket_created_nonblocking.cpp: without SOCK_NONBLOCK the
// listening socket and the accepted one block, and so does the loop.
#include <fake/coro.h>
#include <sys/socket.h>

class acceptor {
public:
  acceptor() : listener_(::socket(AF_INET, SOCK_STREAM, 0)) {}

  fake::task<long> serve_one(char *buf, unsigned long size) {
    co_await fake::yield_now();
    int client = accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC); // expect-warning: blocking-call {{call to 'accept4' blocks the event loop (waits for a connection)}}
    co_return recv(client, buf, size, 0); // expect-warning: blocking-call {{call to 'recv' blocks the event loop}}
  }

private:
  int listener_;
};

fake::task<void> serve(acceptor &a) {
  char buf[64];
  co_await a.serve_one(buf, sizeof buf);
}
