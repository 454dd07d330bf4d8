// The request guard arms its watchdog only when timeouts are enabled, and
// they start disabled: nothing in the program enables them, so the guard
// never arms anything and the request's read waits with no deadline
// (yalantinglibs' client pool before d46f1c0, whose enable_timeout_ nothing
// set).
#include <fake/coro.h>

class client {
public:
  fake::task<int> request() {
    deadline_guard guard(*this, fake::milliseconds(3000));
    int reply = co_await conn_.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
    co_return reply;
  }

private:
  fake::task<void> expire(fake::milliseconds after, unsigned armed) {
    co_await fake::sleep_for(after);
    if (armed == generation_)
      conn_.close();
  }

  struct deadline_guard {
    deadline_guard(client &c, fake::milliseconds after) : c_(c) {
      if (c.enable_timeout_)
        c.expire(after, ++c.generation_).detach();
    }
    ~deadline_guard() { ++c_.generation_; }
    client &c_;
  };

  fake::connection conn_;
  unsigned generation_ = 0;
  bool enable_timeout_ = false;
};

int call(client &c) { return fake::sync_wait(c.request()); }
