// expect-no-findings
//
// The class of private_field_never_set with the event public: code the
// analysis does not see may set it.
#include <fake/coro.h>

class Gate {
public:
  fake::task<void> pass() {
    co_await opened_;
    ++passed_;
  }
  int passed() const { return passed_; }

  fake::event opened_;

private:
  int passed_ = 0;
};
