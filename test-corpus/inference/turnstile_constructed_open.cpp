// The twin of turnstile_constructed_closed.cpp: the turnstile is
// constructed open, so the first batch goes through and passes the turn
// on to the next.
// expect-no-findings
#include <inhouse/task.h>
#include <inhouse/turnstile.h>

class journal {
public:
  inhouse::task<int> write_batch() {
    co_await turn_;
    ++written_;
    turn_.set();
    co_return written_;
  }

private:
  inhouse::turnstile turn_{true};
  int written_ = 0;
};

int flush(journal &j) {
  inhouse::task<int> batch = j.write_batch();
  return 0;
}
