// inhouse/spin_condition.h - a spin lock and a condition variable for
// coroutines, in the style of async_simple's ConditionVariable<Lock>:
// wait(lock, pred) is a coroutine that, while the predicate is false,
// queues itself (its awaiter links itself into a list and lets go of the
// lock in await_suspend) and takes the lock again once woken;
// notify_all() resumes every queued waiter. No model describes it.
#ifndef INHOUSE_SPIN_CONDITION_H
#define INHOUSE_SPIN_CONDITION_H

#include <atomic>
#include <fake/coroutine.h>
#include <inhouse/task.h>

namespace inhouse {

class spin_lock {
public:
  void lock() noexcept {
    while (held_.exchange(true, std::memory_order_acquire)) {
    }
  }
  void unlock() noexcept { held_.store(false, std::memory_order_release); }

private:
  std::atomic<bool> held_{false};
};

class spin_condition {
  struct parked {
    spin_condition &cv;
    spin_lock &lock;
    std::coroutine_handle<> waiting{};
    parked *next = nullptr;

    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      waiting = h;
      next = cv.parked_;
      cv.parked_ = this;
      lock.unlock();
    }
    void await_resume() noexcept {}
  };

public:
  template <class Pred> task<int> wait(spin_lock &lock, Pred pred) {
    while (!pred()) {
      co_await parked{*this, lock};
      lock.lock();
    }
    co_return 0;
  }

  void notify_all() noexcept {
    parked *list = parked_;
    parked_ = nullptr;
    while (list) {
      parked *next = list->next;
      list->waiting.resume();
      list = next;
    }
  }

private:
  parked *parked_ = nullptr;
};

} // namespace inhouse

#endif
