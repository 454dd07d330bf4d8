// The fixed version of task_suspends_always.cpp: the task yields to the
// loop, which resumes it on its next turn. A coroutine whose owner keeps its
// handle may await std::suspend_always: the owner resumes it.
// expect-no-findings
#include <fake/coro.h>

fake::task<int> compute() {
  co_await fake::yield_now();
  co_return 42;
}

struct resumable {
  struct promise_type {
    resumable get_return_object() {
      return {std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    void unhandled_exception() noexcept {}
  };
  std::coroutine_handle<promise_type> handle;
};

resumable steps() {
  co_await std::suspend_always{};
  co_await std::suspend_always{};
}

int main() {
  resumable r = steps();
  r.handle.resume();
  r.handle.resume();
  r.handle.resume();
  r.handle.destroy();
  return fake::sync_wait(compute());
}
