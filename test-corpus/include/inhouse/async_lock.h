// inhouse/async_lock.h - an async mutex in the style of libcoro's: lock()
// and scoped_lock() return awaiters derived from one base, whose
// await_suspend pushes itself onto a list of waiters kept in one atomic
// word; unlock() hands the mutex to a waiter. Awaiting scoped_lock() gives
// a guard that unlocks in its destructor. No model describes it.
#ifndef INHOUSE_ASYNC_LOCK_H
#define INHOUSE_ASYNC_LOCK_H

#include <atomic>
#include <fake/coroutine.h>

namespace inhouse {

class async_lock;

class lock_guard {
public:
  explicit lock_guard(async_lock &m) noexcept : lock_(&m) {}
  lock_guard(lock_guard &&other) noexcept : lock_(other.lock_) {
    other.lock_ = nullptr;
  }
  ~lock_guard() { release(); }
  void release();

private:
  async_lock *lock_;
};

struct lock_waiter_base {
  explicit lock_waiter_base(async_lock &m) noexcept : lock_(m) {}
  bool await_ready() noexcept;
  bool await_suspend(std::coroutine_handle<> h) noexcept;

  async_lock &lock_;
  std::coroutine_handle<> waiting_;
  lock_waiter_base *next_ = nullptr;
};

template <class Result> struct lock_waiter : lock_waiter_base {
  using lock_waiter_base::lock_waiter_base;
  Result await_resume() noexcept { return Result{lock_}; }
};

template <> struct lock_waiter<void> : lock_waiter_base {
  using lock_waiter_base::lock_waiter_base;
  void await_resume() noexcept {}
};

class async_lock {
public:
  lock_waiter<void> lock() noexcept { return lock_waiter<void>{*this}; }
  lock_waiter<lock_guard> scoped_lock() noexcept {
    return lock_waiter<lock_guard>{*this};
  }

  void unlock() noexcept {
    void *current = state_.load();
    if (current == unlocked() && state_.compare_exchange_strong(current, nullptr))
      return;
    auto *next = static_cast<lock_waiter_base *>(state_.exchange(nullptr));
    if (!next) {
      state_.store(unlocked());
      return;
    }
    state_.store(next->next_);
    next->waiting_.resume();
  }

private:
  friend struct lock_waiter_base;
  void *unlocked() noexcept { return this; }

  std::atomic<void *> state_{this};
};

inline bool lock_waiter_base::await_ready() noexcept {
  void *expected = lock_.unlocked();
  return lock_.state_.compare_exchange_strong(expected, nullptr);
}

inline bool lock_waiter_base::await_suspend(std::coroutine_handle<> h) noexcept {
  waiting_ = h;
  auto &state = lock_.state_;
  void *current = state.load();
  do {
    if (current == lock_.unlocked()) {
      if (state.compare_exchange_weak(current, nullptr))
        return false;
      continue;
    }
    next_ = static_cast<lock_waiter_base *>(current);
  } while (!state.compare_exchange_weak(current, this));
  return true;
}

inline void lock_guard::release() {
  if (lock_)
    lock_->unlock();
}

} // namespace inhouse

#endif
