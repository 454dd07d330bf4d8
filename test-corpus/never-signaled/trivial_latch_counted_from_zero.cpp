// A latch counted from zero is open from the start; this one, like libcoro's
// coro::latch, has no destructor of its own, so what it was constructed with
// is read from the constructor call that initializes the local.
#include <fake/coro.h>

struct open_latch {
  explicit open_latch(long count) : count_(count) {}
  struct awaiter {
    bool await_ready() const noexcept { return true; }
    void await_suspend(std::coroutine_handle<>) const noexcept {}
    void await_resume() const noexcept {}
  };
  awaiter operator co_await() const noexcept { return {}; }
  void count_down() { --count_; }
  long count_;
};

fake::task<int> await_open_latch() {
  open_latch none_pending{0};
  co_await none_pending;
  co_return 1;
}
// expect-no-findings
