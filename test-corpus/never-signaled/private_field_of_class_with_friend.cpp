// expect-no-findings
//
// The class of private_field_never_set with a friend, which may set the event
// from code the analysis does not see.
#include <fake/coro.h>

class Gate {
  friend class GateKeeper;

public:
  fake::task<void> pass() {
    co_await opened_;
    ++passed_;
  }

private:
  fake::event opened_;
  int passed_ = 0;
};
