// A session bounds each request with a guard: its constructor starts a
// coroutine that sleeps for the request's timeout and then closes the
// connection, which ends the pending read. The read of server pushes was
// written without the guard, so it waits for the server with no deadline
// (cinatra's read_websocket before it got its timer_guard). A watchdog
// coroutine started for one request bounds that request's awaits only.
#include <fake/coro.h>

class session {
public:
  fake::task<int> request() {
    deadline_guard guard(*this, fake::milliseconds(3000));
    int reply = co_await conn_.read();
    co_return reply;
  }

  fake::task<int> next_push() {
    int push = co_await conn_.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
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
