// inhouse/handoff_event.h - an auto-reset event for one waiter, in the style
// of cppcoro's single_consumer_async_auto_reset_event: the awaiter keeps the
// waiting coroutine's handle in a field of its own and publishes the address
// of that field in the event's one atomic word; set() swaps the word and
// resumes the handle it finds there. No model describes it.
#ifndef INHOUSE_HANDOFF_EVENT_H
#define INHOUSE_HANDOFF_EVENT_H

#include <atomic>
#include <fake/coroutine.h>

namespace inhouse {

class handoff_event {
public:
  void set() noexcept {
    void *old = word_.exchange(this);
    if (old != nullptr && old != this) {
      auto waiter = *static_cast<std::coroutine_handle<> *>(old);
      word_.exchange(nullptr);
      waiter.resume();
    }
  }

  auto operator co_await() noexcept {
    class awaiter {
    public:
      explicit awaiter(handoff_event &event) noexcept : event_(event) {}
      bool await_ready() const noexcept { return false; }
      bool await_suspend(std::coroutine_handle<> h) noexcept {
        waiting_ = h;
        void *expected = nullptr;
        if (!event_.word_.compare_exchange_strong(expected, &waiting_)) {
          event_.word_.exchange(nullptr); // Already set: take it, go on.
          return false;
        }
        return true;
      }
      void await_resume() noexcept {}

    private:
      handoff_event &event_;
      std::coroutine_handle<> waiting_;
    };
    return awaiter{*this};
  }

private:
  std::atomic<void *> word_{nullptr};
};

} // namespace inhouse

#endif
