// inhouse/turnstile.h - an auto-reset event in the style of cppcoro's
// async_auto_reset_event: constructed set or not by a flag, each set()
// lets one waiter through (or the next one to come, if none waits), and a
// waiter that gets through resets it. Code that waits on it and then sets
// it passes a turn on, as a lock does. No model describes it.
#ifndef INHOUSE_TURNSTILE_H
#define INHOUSE_TURNSTILE_H

#include <fake/coroutine.h>

namespace inhouse {

class turnstile {
public:
  explicit turnstile(bool open) noexcept : open_(open) {}

  struct passage {
    turnstile &gate;
    passage *next = nullptr;
    std::coroutine_handle<> waiting{};

    bool await_ready() noexcept { return gate.try_pass(); }
    void await_suspend(std::coroutine_handle<> h) noexcept {
      waiting = h;
      next = gate.queue_;
      gate.queue_ = this;
    }
    void await_resume() noexcept {}
  };

  passage operator co_await() noexcept { return passage{*this}; }

  void set() noexcept {
    if (passage *first = queue_) {
      queue_ = first->next;
      first->waiting.resume();
      return;
    }
    open_ = true;
  }

private:
  bool try_pass() noexcept {
    if (!open_)
      return false;
    open_ = false;
    return true;
  }

  bool open_;
  passage *queue_ = nullptr;
};

} // namespace inhouse

#endif
