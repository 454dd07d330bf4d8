// inhouse/io_context.h - a loop its user runs, in the style of cppcoro's
// io_service: schedule() and schedule_after() return awaiters that queue the
// awaiting coroutine; process_events() goes round a loop, waiting on a
// condition variable for a coroutine to resume. No thread of its own: the
// user runs process_events() on a thread of theirs. No model describes it.
#ifndef INHOUSE_IO_CONTEXT_H
#define INHOUSE_IO_CONTEXT_H

#include <chrono>
#include <condition_variable>
#include <deque>
#include <fake/coroutine.h>
#include <mutex>
#include <utility>

namespace inhouse {

class stop_hint {
public:
  bool requested() const { return requested_; }
  void request() { requested_ = true; }

private:
  bool requested_ = false;
};

class io_context {
public:
  struct schedule_op {
    io_context &io;
    bool await_ready() const noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { io.enqueue(h); }
    void await_resume() noexcept {}
  };

  struct timed_op {
    io_context &io;
    std::chrono::milliseconds delay;
    bool await_ready() const noexcept { return delay.count() <= 0; }
    void await_suspend(std::coroutine_handle<> h) { io.enqueue(h); }
    void await_resume() noexcept {}
  };

  schedule_op schedule() { return schedule_op{*this}; }
  timed_op schedule_after(std::chrono::milliseconds delay, stop_hint hint = {}) {
    (void)hint;
    return timed_op{*this, delay};
  }

  void process_events() {
    while (!stopped_) {
      std::unique_lock<std::mutex> hold(mutex_);
      ready_.wait(hold, [this] { return stopped_ || !queue_.empty(); });
      if (queue_.empty())
        continue;
      std::coroutine_handle<> next = queue_.front();
      queue_.pop_front();
      hold.unlock();
      next.resume();
    }
  }

  void stop() {
    std::lock_guard<std::mutex> hold(mutex_);
    stopped_ = true;
    ready_.notify_all();
  }

private:
  void enqueue(std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> hold(mutex_);
    queue_.push_back(h);
    ready_.notify_one();
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::coroutine_handle<>> queue_;
  bool stopped_ = false;
};

} // namespace inhouse

#endif
