// inhouse/mutex.h - an async mutex in the style of cppcoro's async_mutex:
// lock() returns an awaiter that takes the mutex or queues itself (handed by
// pointer to a helper, as async_simple's Mutex does), and unlock() hands the
// mutex to the first one queued. No model describes it.
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
    void await_suspend(std::coroutine_handle<> h) {
      waiting = h;
      m.park(this);
    }
    void await_resume() noexcept {}

    std::coroutine_handle<> waiting;
  };

  lock_awaiter lock() noexcept { return lock_awaiter{*this}; }

  void unlock() {
    if (waiters_.empty()) {
      locked_ = false;
      return;
    }
    lock_awaiter *next = waiters_.front();
    waiters_.pop_front();
    next->waiting.resume();
  }

private:
  // Queues the awaiter itself, as async_simple's lockAsyncImpl(this) does.
  void park(lock_awaiter *waiter) {
    lock_awaiter *queued = waiter;
    waiters_.push_back(queued);
  }

  bool locked_ = false;
  std::deque<lock_awaiter *> waiters_;
};

} // namespace inhouse

#endif
