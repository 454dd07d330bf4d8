// The session's push read takes the same guard as its requests: a coroutine
// started in that scope sleeps for the timeout and then closes the
// connection, so the read ends by then whatever the server does.
// expect-no-findings
#include <fake/coro.h>

class session {
public:
  fake::task<int> request() {
    deadline_guard guard(*this, fake::milliseconds(3000));
    int reply = co_await conn_.read();
    co_return reply;
  }

  fake::task<int> next_push() {
    deadline_guard guard(*this, fake::milliseconds(30000));
    int push = co_await conn_.read();
    co_return push;
  }

private:
  // A guard's watchdog closes the connection only while its guard lives.
  fake::task<void> expire(fake::milliseconds after, unsigned armed) {
    co_await fake::sleep_for(after);
    if (armed == generation_)
      conn_.close();
  }

  struct deadline_guard {
    deadline_guard(session &s, fake::milliseconds after) : s_(s) {
      s.expire(after, ++s.generation_).detach();
    }
    ~deadline_guard() { ++s_.generation_; }
    session &s_;
  };

  fake::connection conn_;
  unsigned generation_ = 0;
};

int talk(session &s) {
  return fake::sync_wait(s.request()) + fake::sync_wait(s.next_push());
}
