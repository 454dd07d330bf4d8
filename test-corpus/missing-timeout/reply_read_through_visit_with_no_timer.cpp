// The same reader, handed the connection by the stream it wraps, but the
// requests start no timer: nothing closes the stream, so a server that
// stops answering leaves the reader waiting.
#include <fake/coro.h>

class rpc_client {
public:
  fake::task<void> send(int request) {
    if (pending_++ == 0)
      stream_.visit(
          [this](auto &conn) { read_replies(conn).detach(); });
    co_return;
  }

private:
  template <class Connection>
  fake::task<void> read_replies(Connection &conn) {
    while (pending_ > 0) {
      co_await conn.read(); // expect-warning: missing-timeout {{or cancel 'conn' from a watchdog timer}}
      --pending_;
    }
  }

  fake::stream stream_;
  int pending_ = 0;
};

void call(rpc_client &c) { fake::sync_wait(c.send(1)); }
