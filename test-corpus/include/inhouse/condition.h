// inhouse/condition.h - a condition variable for coroutines, in the style
// of seastar's: wait() returns an awaiter that queues the waiting
// coroutine, signal() wakes the first in the queue and broadcast() all of
// them. It keeps no state: a signal with no one waiting is lost. No model
// describes it.
#ifndef INHOUSE_CONDITION_H
#define INHOUSE_CONDITION_H

#include <deque>
#include <fake/coroutine.h>

namespace inhouse {

class condition_variable {
public:
  struct wait_awaiter {
    condition_variable &cv;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { cv.waiters_.push_back(h); }
    void await_resume() noexcept {}
  };

  wait_awaiter wait() noexcept { return wait_awaiter{*this}; }

  void signal() {
    if (waiters_.empty())
      return;
    std::coroutine_handle<> first = waiters_.front();
    waiters_.pop_front();
    first.resume();
  }

  void broadcast() {
    while (!waiters_.empty())
      signal();
  }

private:
  std::deque<std::coroutine_handle<>> waiters_;
};

} // namespace inhouse

#endif
