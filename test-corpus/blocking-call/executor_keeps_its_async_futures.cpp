// The twin of executor_drops_async_future_behind_a_virtual_call.cpp: the
// async executor keeps each future in a table until its task is done, so
// execute() returns at once and the dispatching thread goes on.
// expect-no-findings
#include <fake/coroutine.h>
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
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

job render_thumbnail(executor *cpu) {
  co_await dispatch{cpu};
}
