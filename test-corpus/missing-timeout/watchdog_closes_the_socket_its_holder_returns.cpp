// The connection lives behind a holder whose accessor returns the smart
// pointer that owns it (yalantinglibs' socket_wrapper_t::socket()). The
// watchdog timer closes what the accessor returns, and the read reads what
// the same accessor returns on the same holder: one connection, so the
// watchdog bounds the read.
// expect-no-findings
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
                    [this] { holder_.get()->close(); });
    int message = co_await holder_.get()->read();
    co_return message;
  }

private:
  fake::loop &loop_;
  connection_holder holder_;
};

int serve(session &s) { return fake::sync_wait(s.next_message()); }
