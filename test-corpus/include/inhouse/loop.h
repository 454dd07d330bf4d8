// inhouse/loop.h - a hand-rolled event loop and a worker pool. The loop
// keeps posted callables, and timers' callables with their deadlines, and
// run() calls them on the thread that runs it. The pool keeps submitted
// callables too, but its own thread, started by its constructor, calls
// them. No model describes either.
#ifndef INHOUSE_LOOP_H
#define INHOUSE_LOOP_H

#include <chrono>
#include <deque>
#include <functional>
#include <thread>
#include <utility>

namespace inhouse {

class event_loop {
public:
  void post(std::function<void()> fn) { ready_.push_back(std::move(fn)); }

  void run_after(std::chrono::milliseconds delay, std::function<void()> fn) {
    timers_.push_back({now_ + delay, std::move(fn)});
  }

  void run() {
    while (!ready_.empty() || !timers_.empty()) {
      while (!ready_.empty()) {
        std::function<void()> fn = std::move(ready_.front());
        ready_.pop_front();
        fn();
      }
      if (!timers_.empty()) {
        timer next = std::move(timers_.front());
        timers_.pop_front();
        now_ = next.when;
        next.fn();
      }
    }
  }

private:
  struct timer {
    std::chrono::milliseconds when;
    std::function<void()> fn;
  };
  std::deque<std::function<void()>> ready_;
  std::deque<timer> timers_;
  std::chrono::milliseconds now_{0};
};

class worker_pool {
public:
  worker_pool() : worker_([this] { drain(); }) {}
  ~worker_pool() { worker_.join(); }

  void submit(std::function<void()> job) { jobs_.push_back(std::move(job)); }

private:
  void drain() {
    while (!jobs_.empty()) {
      std::function<void()> job = std::move(jobs_.front());
      jobs_.pop_front();
      job();
    }
  }

  std::deque<std::function<void()>> jobs_;
  std::thread worker_;
};

} // namespace inhouse

#endif
