// A coroutine library in the style of tutorial dispatchers: a task's awaiter
// resumes the coroutine through an abstract executor, and the async executor
// runs the resumption with std::async and lets the future go at the end of
// execute(). The future's destructor waits for the task: the thread that
// dispatched (the one the coroutine ran on) blocks until the rest of the
// coroutine has run. The call is virtual; the program defines the override.
// The twin of executor_keeps_its_async_futures.cpp.
#include <fake/coroutine.h>
#include <functional>
#include <future>

class executor {
public:
  virtual ~executor() = default;
  virtual void execute(std::function<void()> &&work) = 0;
};

class async_executor : public executor {
public:
  void execute(std::function<void()> &&work) override {
    auto running = std::async(work); // expect-path: blocking-call {{'running' holds the result of this call}}
  } // expect-path: blocking-call {{destroyed here, which blocks}} expect-warning: blocking-call {{'running', the result of 'std}}
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
