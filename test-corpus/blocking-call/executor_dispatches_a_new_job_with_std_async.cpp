// A tutorial-style coroutine runtime: a job's promise dispatches the job's
// start through an executor from its initial suspension, and the async
// executor runs it with std::async and drops the future at the end of
// execute(). A request handler on the loop that starts a job therefore
// waits, inside the job's initial suspension, for the whole job to run. The
// twin of executor_dispatches_a_new_job_and_keeps_the_future.cpp.
#include <fake/coro.h>
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

async_executor cpu_pool;

struct dispatch {
  executor *target;
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) const {
    target->execute([h] { h.resume(); }); // expect-path: blocking-call {{calls 'async_executor::execute'}}
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
