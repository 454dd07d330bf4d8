// The twin of request_guard_armed_only_when_enabled.cpp: the client's
// owner enables timeouts through a setter, so the guard may arm its
// watchdog, which bounds the read.
// expect-no-findings
#include <fake/coro.h>

class client {
public:
  void set_timeout(fake::milliseconds after) {
    timeout_ = after;
    enable_timeout_ = true;
  }

  fake::task<int> request() {
    deadline_guard guard(*this, timeout_);
    int reply = co_await conn_.read();
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
  fake::milliseconds timeout_{3000};
  unsigned generation_ = 0;
  bool enable_timeout_ = false;
};

int call(client &c) {
  c.set_timeout(fake::milliseconds(3000));
  return fake::sync_wait(c.request());
}
