// The session's stream hands its connection, plain or TLS, to whatever
// visits it, and the reply reader, written for either, reads what it is
// handed. Each request
// starts a timer coroutine, detached, that closes the stream when the reply
// is late: closing the stream closes the connection the reader was handed,
// so the reader's read ends by then.
// expect-no-findings
#include <fake/coro.h>

class rpc_client {
public:
  fake::task<void> send(int request) {
    expire(fake::milliseconds(30000)).detach();
    if (pending_++ == 0)
      stream_.visit(
          [this](auto &conn) { read_replies(conn).detach(); });
    co_return;
  }

private:
  template <class Connection>
  fake::task<void> read_replies(Connection &conn) {
    while (pending_ > 0) {
      co_await conn.read();
      --pending_;
    }
  }

  fake::task<void> expire(fake::milliseconds after) {
    co_await fake::sleep_for(after);
    if (pending_ > 0)
      stream_.close();
  }

  fake::stream stream_;
  int pending_ = 0;
};

void call(rpc_client &c) { fake::sync_wait(c.send(1)); }
