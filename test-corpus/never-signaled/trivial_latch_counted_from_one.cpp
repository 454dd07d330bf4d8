// The twin of trivial_latch_counted_from_zero.cpp: counted from one, the
// latch waits for a count_down() that nothing makes.
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
  open_latch one_pending{1};
  co_await one_pending; // expect-warning: never-signaled {{'await_open_latch::one_pending' (event) is awaited, but nothing in the program signals it}}
  co_return 1;
}
