// Each batch waits for its turn and passes the turn on when done, but the
// turnstile is constructed closed and nothing opens it first: the first
// batch waits for a set() that only it makes, after its wait.
#include <inhouse/task.h>
#include <inhouse/turnstile.h>

class journal {
public:
  inhouse::task<int> write_batch() {
    co_await turn_; // expect-error: wait-cycle {{'journal::turn_' is signalled only after a wait for itself}}
    ++written_;
    turn_.set();
    co_return written_;
  }

private:
  inhouse::turnstile turn_{false};
  int written_ = 0;
};

int flush(journal &j) {
  inhouse::task<int> batch = j.write_batch();
  return 0;
}
