// inhouse/single_event.h - an event for one waiter, in the style of
// cppcoro's single_consumer_event: the awaiter, a class local to
// operator co_await, keeps the waiting coroutine's handle in the event, and
// set() resumes it. No model describes it.
#ifndef INHOUSE_SINGLE_EVENT_H
#define INHOUSE_SINGLE_EVENT_H

#include <atomic>
#include <fake/coroutine.h>

namespace inhouse {

class single_consumer_event {
public:
  explicit single_consumer_event(bool initially_set = false) noexcept
      : state_(initially_set ? state::set : state::not_set) {}

  bool is_set() const noexcept { return state_.load() == state::set; }

  void set() noexcept {
    if (state_.exchange(state::set) == state::waiting)
      waiter_.resume();
  }

  auto operator co_await() noexcept {
    class awaiter {
    public:
      explicit awaiter(single_consumer_event &event) noexcept
          : event_(event) {}
      bool await_ready() const noexcept { return event_.is_set(); }
      bool await_suspend(std::coroutine_handle<> h) noexcept {
        event_.waiter_ = h;
        state expected = state::not_set;
        return event_.state_.compare_exchange_strong(expected,
                                                     state::waiting);
      }
      void await_resume() noexcept {}

    private:
      single_consumer_event &event_;
    };
    return awaiter{*this};
  }

private:
  enum class state { not_set, waiting, set };
  std::atomic<state> state_;
  std::coroutine_handle<> waiter_;
};

} // namespace inhouse

#endif
