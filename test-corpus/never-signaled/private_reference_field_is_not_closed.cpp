// expect-no-findings
//
// Looks like private_field_never_set, but the private member is a reference
// to an event its owner keeps and sets under its own name.
#include <fake/coro.h>

class Waiter {
public:
  explicit Waiter(fake::event &done) : done_(done) {}
  fake::task<void> wait() { co_await done_; }

private:
  fake::event &done_;
};
