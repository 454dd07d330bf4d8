// inhouse/pool.h - a thread pool in the style of libcoro's: awaiting
// schedule() queues the coroutine for a worker thread, which the pool's
// constructor starts; awaiting sleep_for(d) parks it until d has passed,
// when a worker resumes it. No model describes it.
#ifndef INHOUSE_POOL_H
#define INHOUSE_POOL_H

#include <chrono>
#include <deque>
#include <fake/coroutine.h>
#include <mutex>
#include <thread>
#include <vector>

namespace inhouse {

class pool {
public:
  using clock = std::chrono::steady_clock;

  struct schedule_operation {
    pool &owner;
    bool await_ready() noexcept { return false; }
    void await_suspend(std::coroutine_handle<> h) { owner.enqueue(h); }
    void await_resume() noexcept {}
  };

  struct sleep_operation {
    pool &owner;
    clock::time_point wake_at;
    bool await_ready() noexcept { return clock::now() >= wake_at; }
    void await_suspend(std::coroutine_handle<> h) { owner.park(wake_at, h); }
    void await_resume() noexcept {}
  };

  explicit pool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i)
      workers_.emplace_back([this] { work(); });
  }

  schedule_operation schedule() noexcept { return schedule_operation{*this}; }
  sleep_operation sleep_for(std::chrono::milliseconds delay) noexcept {
    return sleep_operation{*this, clock::now() + delay};
  }

private:
  struct parked {
    clock::time_point wake_at;
    std::coroutine_handle<> handle;
  };

  void enqueue(std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> hold(mutex_);
    ready_.push_back(h);
  }

  void park(clock::time_point wake_at, std::coroutine_handle<> h) {
    std::lock_guard<std::mutex> hold(mutex_);
    parked_.push_back(parked{wake_at, h});
  }

  void work() {
    for (;;) {
      std::coroutine_handle<> next;
      {
        std::lock_guard<std::mutex> hold(mutex_);
        for (auto it = parked_.begin(); it != parked_.end(); ++it)
          if (it->wake_at <= clock::now()) {
            ready_.push_back(it->handle);
            parked_.erase(it);
            break;
          }
        if (!ready_.empty()) {
          next = ready_.front();
          ready_.pop_front();
        }
      }
      if (next)
        next.resume();
    }
  }

  std::mutex mutex_;
  std::deque<std::coroutine_handle<>> ready_;
  std::deque<parked> parked_;
  std::vector<std::thread> workers_;
};

} // namespace inhouse

#endif
