// expect-no-findings
//
// Looks like private_field_never_set, but a member hands the event out by
// reference: code the analysis does not see may set it through ready().
#include <fake/coro.h>

class Gate {
public:
  fake::task<void> pass() { co_await opened_; }
  fake::event &ready() { return opened_; }

private:
  fake::event opened_;
};
