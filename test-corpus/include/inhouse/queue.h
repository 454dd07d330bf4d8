// inhouse/queue.h - an unbounded queue for coroutines in the style of
// libcoro's coro::queue: pop() is a coroutine that awaits an awaiter, which
// takes an item at once if there is one and otherwise links itself into the
// queue's list of waiters; push() is a coroutine that hands its item to the
// first waiter and resumes it, or keeps it. It carries strings: a class,
// not a template, so its members are compiled whether or not a unit calls
// them. No model describes it.
#ifndef INHOUSE_QUEUE_H
#define INHOUSE_QUEUE_H

#include <deque>
#include <fake/coroutine.h>
#include <inhouse/task.h>
#include <optional>
#include <string>
#include <utility>

namespace inhouse {

class queue {
public:
  struct pop_operation {
    explicit pop_operation(queue &q) noexcept : queue_(q) {}
    bool await_ready() {
      if (queue_.items_.empty())
        return false;
      value_ = std::move(queue_.items_.front());
      queue_.items_.pop_front();
      return true;
    }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      handle_ = h;
      next_ = queue_.waiters_;
      queue_.waiters_ = this;
    }
    std::string await_resume() { return std::move(*value_); }

    queue &queue_;
    std::coroutine_handle<> handle_;
    pop_operation *next_ = nullptr;
    std::optional<std::string> value_;
  };

  task<std::string> pop() { co_return co_await pop_operation{*this}; }

  task<bool> push(std::string item) {
    if (pop_operation *waiter = waiters_) {
      waiters_ = waiter->next_;
      waiter->value_ = std::move(item);
      waiter->handle_.resume();
      co_return true;
    }
    items_.push_back(std::move(item));
    co_return true;
  }

private:
  std::deque<std::string> items_;
  pop_operation *waiters_ = nullptr;
};

} // namespace inhouse

#endif
