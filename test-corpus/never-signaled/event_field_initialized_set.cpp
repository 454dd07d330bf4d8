// A member event with an in-class initializer that constructs it set: the
// class writes no constructor, so the one the compiler writes runs the
// initializer, and the waits on it complete with no set().
// expect-no-findings
#include <fake/coro.h>

class gate {
public:
  fake::task<int> pass() {
    co_await open_;
    co_return 1;
  }

private:
  fake::event open_{true};
};

int enter(gate &g) { return fake::sync_wait(g.pass()); }
