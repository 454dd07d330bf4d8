// inhouse/mutex.h - an async mutex in the style of cppcoro's async_mutex:
// lock() returns an awaiter that takes the mutex or queues the waiting
// coroutine, and unlock() hands the mutex to the first one queued. No model
// describes it.
#ifndef INHOUSE_MUTEX_H
#define INHOUSE_MUTEX_H

#include <deque>
#include <fake/coroutine.h>

namespace inhouse {

class async_mutex {
public:
  struct lock_awaiter {
    async_mutex &m;
    bool await_ready() noexcept {
      if (m.locked_)
        return false;
      m.locked_ = true;
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) { m.waiters_.push_back(h); }
    void await_resume() noexcept {}
  };

  lock_awaiter lock() noexcept { return lock_awaiter{*this}; }

  void unlock() {
    if (waiters_.empty()) {
      locked_ = false;
      return;
    }
    std::coroutine_handle<> next = waiters_.front();
    waiters_.pop_front();
    next.resume();
  }

private:
  bool locked_ = false;
  std::deque<std::coroutine_handle<>> waiters_;
};

} // namespace inhouse

#endif
