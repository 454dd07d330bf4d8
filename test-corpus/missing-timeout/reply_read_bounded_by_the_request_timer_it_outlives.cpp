// Each request starts its own timer coroutine, detached, and keeps it in the
// table of pending requests: when the reply is late it closes the
// connection. The replies are read by another coroutine, which reads only
// while a request is pending (coro_rpc's client). Nothing ends the timer
// when send returns, so it bounds that read too.
// expect-no-findings
#include <fake/coro.h>

class rpc_client {
public:
  fake::task<void> send(int request) {
    expire(fake::milliseconds(30000), request).detach();
    ++pending_;
    co_return;
  }

  fake::task<int> read_replies() {
    int replies = 0;
    while (pending_ > 0) {
      replies += co_await conn_.read();
      --pending_;
    }
    co_return replies;
  }

private:
  fake::task<void> expire(fake::milliseconds after, int request) {
    co_await fake::sleep_for(after);
    if (pending_ > 0)
      conn_.close();
  }

  fake::connection conn_;
  int pending_ = 0;
};

int call(rpc_client &c) {
  fake::sync_wait(c.send(1));
  return fake::sync_wait(c.read_replies());
}
