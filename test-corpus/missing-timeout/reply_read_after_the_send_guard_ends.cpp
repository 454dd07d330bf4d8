// The same client, but each request's timer is started by a guard whose
// destructor disarms it when send returns: the timer bounds only the
// sending. The replies are read by another coroutine after that, with no
// timer armed, so a server that stops answering leaves it waiting.
#include <fake/coro.h>

class rpc_client {
public:
  fake::task<void> send(int request) {
    send_guard guard(*this, fake::milliseconds(30000));
    ++pending_;
    co_return;
  }

  fake::task<int> read_replies() {
    int replies = 0;
    while (pending_ > 0) {
      replies += co_await conn_.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
      --pending_;
    }
    co_return replies;
  }

private:
  fake::task<void> expire(fake::milliseconds after, unsigned armed) {
    co_await fake::sleep_for(after);
    if (armed == generation_)
      conn_.close();
  }

  struct send_guard {
    send_guard(rpc_client &c, fake::milliseconds after) : c_(c) {
      c.expire(after, ++c.generation_).detach();
    }
    ~send_guard() { ++c_.generation_; }
    rpc_client &c_;
  };

  fake::connection conn_;
  int pending_ = 0;
  unsigned generation_ = 0;
};

int call(rpc_client &c) {
  fake::sync_wait(c.send(1));
  return fake::sync_wait(c.read_replies());
}
