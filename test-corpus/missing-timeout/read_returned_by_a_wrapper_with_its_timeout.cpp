// The same wrapper gives each read the client's timeout: what it returns is
// a bounded read, and awaiting it is too.
// expect-no-findings
#include <fake/coro.h>

class client {
public:
  fake::task<int> next_frame() {
    int frame = co_await read_frame();
    co_return frame;
  }

private:
  fake::connection::read_awaiter read_frame() {
    if (tls_)
      return secure_.read(timeout_);
    return plain_.read(timeout_);
  }

  fake::connection plain_, secure_;
  bool tls_ = false;
  fake::milliseconds timeout_{5000};
};

int frames(client &c) { return fake::sync_wait(c.next_frame()); }
