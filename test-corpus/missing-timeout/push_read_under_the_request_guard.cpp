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
  fake::task<void> expire(fake::milliseconds after) {
    co_await fake::sleep_for(after);
    conn_.close();
  }

  struct deadline_guard {
    deadline_guard(session &s, fake::milliseconds after) {
      s.expire(after).detach();
    }
  };

  fake::connection conn_;
};

int talk(session &s) {
  return fake::sync_wait(s.request()) + fake::sync_wait(s.next_push());
}
