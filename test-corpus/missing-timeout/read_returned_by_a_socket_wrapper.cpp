// A client reads through a small wrapper that picks the connection to read
// from (the encrypted one once TLS is on) and returns that connection's read
// as it is. The wrapper is not a coroutine: awaiting what it returns awaits
// the read itself, which has no deadline.
#include <fake/coro.h>

class client {
public:
  fake::task<int> next_frame() {
    int frame = co_await read_frame(); // expect-warning: missing-timeout {{'fake::connection::read', which 'client::read_frame' returns, waits for a peer with no deadline}}
    co_return frame;
  }

private:
  fake::connection::read_awaiter read_frame() {
    if (tls_)
      return secure_.read();
    return plain_.read();
  }

  fake::connection plain_, secure_;
  bool tls_ = false;
};

int frames(client &c) { return fake::sync_wait(c.next_frame()); }
