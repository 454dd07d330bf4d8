// The watchdog closes what the upstream holder's accessor returns, while the
// read waits on the client holder's connection: another object, so the read
// is still unbounded.
#include <fake/coro.h>
#include <memory>

class connection_holder {
public:
  std::unique_ptr<fake::connection> &get() { return conn_; }

private:
  std::unique_ptr<fake::connection> conn_ =
      std::make_unique<fake::connection>();
};

class session {
public:
  explicit session(fake::loop &loop) : loop_(loop) {}

  fake::task<int> next_message() {
    loop_.add_timer(fake::milliseconds(30000),
                    [this] { upstream_.get()->close(); });
    int message = co_await client_.get()->read(); // expect-warning: missing-timeout {{or cancel 'session::client_.get()' from a watchdog timer}}
    co_return message;
  }

private:
  fake::loop &loop_;
  connection_holder client_, upstream_;
};

int serve(session &s) { return fake::sync_wait(s.next_message()); }
