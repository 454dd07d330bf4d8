// A latch counted from zero is open from the start. fake::latch, like
// libcoro's coro::latch, has no destructor of its own, so what it was
// constructed with is read from the constructor call that initializes it.
#include <fake/coro.h>

fake::task<int> await_open_latch() {
  fake::latch none_pending{0};
  co_await none_pending;
  co_return 1;
}
// expect-no-findings
