// inhouse/timer_loop.h - an event loop whose sleep is built on its own timer:
// after(d) returns an awaiter that hands call_later() a callable resuming the
// coroutine; call_later() passes its callable on to add_timer(), which keeps
// it with its deadline for run() to call. No model describes it.
#ifndef INHOUSE_TIMER_LOOP_H
#define INHOUSE_TIMER_LOOP_H

#include <chrono>
#include <fake/coroutine.h>
#include <functional>
#include <map>
#include <utility>

namespace inhouse {

class timer_loop {
public:
  using duration = std::chrono::milliseconds;

  void call_later(duration delay, std::function<void()> fn) {
    add_timer(delay, std::move(fn));
  }

  struct sleep_awaiter {
    timer_loop *loop;
    duration delay;
    bool await_ready() const noexcept { return delay.count() <= 0; }
    void await_suspend(std::coroutine_handle<> h) {
      loop->call_later(delay, [h] { h.resume(); });
    }
    void await_resume() noexcept {}
  };

  sleep_awaiter after(duration delay) { return sleep_awaiter{this, delay}; }

  void run() {
    while (!timers_.empty()) {
      auto next = timers_.begin();
      now_ = next->first;
      std::function<void()> fn = std::move(next->second);
      timers_.erase(next);
      fn();
    }
  }

private:
  void add_timer(duration delay, std::function<void()> fn) {
    timers_.emplace(now_ + delay, std::move(fn));
  }

  std::multimap<duration, std::function<void()>> timers_;
  duration now_{0};
};

} // namespace inhouse

#endif
