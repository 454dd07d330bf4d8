// The twin of executor_dispatches_a_new_job_with_std_async.cpp: the async
// executor keeps each future in a table, so the job's initial suspension
// returns at once and the handler goes on.
// expect-no-findings
#include <fake/coro.h>
#include <functional>
#include <future>
#include <map>
#include <mutex>

class executor {
public:
  virtual ~executor() = default;
  virtual void execute(std::function<void()> &&work) = 0;
};

class async_executor : public executor {
public:
  void execute(std::function<void()> &&work) override {
    std::lock_guard<std::mutex> hold(mutex_);
    running_[next_++] = std::async(work);
  }

private:
  std::mutex mutex_;
  int next_ = 0;
  std::map<int, std::future<void>> running_;
};

async_executor cpu_pool;

struct dispatch {
  executor *target;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    target->execute([h] { h.resume(); });
  }
  void await_resume() const noexcept {}
};

struct job {
  struct promise_type {
    job get_return_object() { return {}; }
    dispatch initial_suspend() noexcept { return dispatch{&cpu_pool}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

job render_thumbnail(int image) {
  (void)image;
  co_return;
}

fake::task<void> handle_upload(int image) {
  co_await fake::yield_now();
  render_thumbnail(image);
}
