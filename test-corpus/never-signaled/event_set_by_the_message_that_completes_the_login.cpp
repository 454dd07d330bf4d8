// A client's message handler runs once per message: a heartbeat only
// records when the server was last seen, and the server's "ready" message
// sets `ready_`. The heartbeat path skips the set and records something,
// but the handler runs again for the next message: the twin of
// event_set_only_when_the_import_parses.cpp, whose parser runs once.
#include <fake/coro.h>

struct message {
  int type;
  long stamp;
};

class client {
public:
  void on_message(const message &m) {
    if (m.type == 1) {
      last_seen_ = m.stamp;
      return;
    }
    ready_.set();
  }

  fake::task<void> login() {
    co_await ready_;
    logged_in_ = true;
  }

private:
  fake::event ready_;
  long last_seen_ = 0;
  bool logged_in_ = false;
};

void feed(client &c, fake::loop &loop) {
  loop.spawn(c.login());
  for (long i = 0; i < 3; ++i)
    c.on_message({1, i});
  c.on_message({2, 3});
}
// expect-no-findings
