// expect-no-findings
//
// The class of private_field_never_set with a member defined in another
// file, which the analysis does not see and which may set the event.
#include <fake/coro.h>

class Gate {
public:
  fake::task<void> pass() {
    co_await opened_;
    ++passed_;
  }
  void open();

private:
  fake::event opened_;
  int passed_ = 0;
};
