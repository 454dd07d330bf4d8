// inhouse/manual_event.h - a manual-reset event for many waiters, in the
// style of libcoro's event: each awaiter links itself into a list held in
// one atomic word, and set() swaps the list out and resumes every waiter
// on it; reset() makes a set event unset again. Constructed with true, it
// starts set. No model describes it.
#ifndef INHOUSE_MANUAL_EVENT_H
#define INHOUSE_MANUAL_EVENT_H

#include <atomic>
#include <fake/coroutine.h>

namespace inhouse {

class manual_event {
public:
  explicit manual_event(bool initially_set = false) noexcept
      : state_(initially_set ? static_cast<void *>(this) : nullptr) {}

  struct awaiter {
    explicit awaiter(const manual_event &event) noexcept : event_(event) {}
    bool await_ready() const noexcept { return event_.is_set(); }
    bool await_suspend(std::coroutine_handle<> h) noexcept {
      handle_ = h;
      void *old = event_.state_.load();
      do {
        if (old == &event_)
          return false;
        next_ = static_cast<awaiter *>(old);
      } while (!event_.state_.compare_exchange_weak(old, this));
      return true;
    }
    void await_resume() noexcept {}

    const manual_event &event_;
    std::coroutine_handle<> handle_;
    awaiter *next_ = nullptr;
  };

  awaiter operator co_await() const noexcept { return awaiter{*this}; }
  bool is_set() const noexcept { return state_.load() == this; }

  void set() noexcept {
    void *old = state_.exchange(this);
    if (old == this)
      return;
    for (auto *w = static_cast<awaiter *>(old); w;) {
      awaiter *next = w->next_;
      w->handle_.resume();
      w = next;
    }
  }

  void reset() noexcept {
    void *self = this;
    state_.compare_exchange_strong(self, nullptr);
  }

private:
  mutable std::atomic<void *> state_;
};

} // namespace inhouse

#endif
