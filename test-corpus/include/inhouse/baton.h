// inhouse/baton.h - a one-shot baton, in the style of folly's Baton used
// from coroutines: a waiter parks its handle, and post() hands the parked
// handle to a helper that wakes it. No model describes it.
#ifndef INHOUSE_BATON_H
#define INHOUSE_BATON_H

#include <fake/coroutine.h>

namespace inhouse {

class baton {
public:
  struct waiter {
    baton &b;
    bool await_ready() const noexcept { return b.posted_; }
    void await_suspend(std::coroutine_handle<> h) noexcept { b.park(h); }
    void await_resume() noexcept {}
  };

  waiter operator co_await() noexcept { return waiter{*this}; }

  void post() noexcept {
    posted_ = true;
    wake(parked_);
  }

private:
  void park(std::coroutine_handle<> h) noexcept { parked_ = h; }
  static void wake(std::coroutine_handle<> h) noexcept {
    if (h)
      h.resume();
  }

  bool posted_ = false;
  std::coroutine_handle<> parked_;
};

} // namespace inhouse

#endif
