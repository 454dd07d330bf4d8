// inhouse/task.h - a lazy task as in-house coroutine libraries write one:
// it starts suspended, and awaiting it records the awaiting coroutine as
// its continuation and starts it. No model describes this library: the
// corpus cases on it are analyzed with what corolint infers from its code.
#ifndef INHOUSE_TASK_H
#define INHOUSE_TASK_H

#include <fake/coroutine.h>

namespace inhouse {

template <class T> class task {
public:
  struct promise_type {
    T value{};
    std::coroutine_handle<> continuation;

    task get_return_object() noexcept {
      return task{std::coroutine_handle<promise_type>::from_promise(*this)};
    }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<>
      await_suspend(std::coroutine_handle<promise_type> h) noexcept {
        if (h.promise().continuation)
          return h.promise().continuation;
        return std::noop_coroutine();
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(T v) noexcept { value = v; }
    void unhandled_exception() noexcept {}
  };

  explicit task(std::coroutine_handle<promise_type> h) noexcept : h_(h) {}
  task(task &&other) noexcept : h_(other.h_) { other.h_ = {}; }
  ~task() {
    if (h_)
      h_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  std::coroutine_handle<>
  await_suspend(std::coroutine_handle<> awaiting) noexcept {
    h_.promise().continuation = awaiting;
    return h_;
  }
  T await_resume() noexcept { return h_.promise().value; }

private:
  std::coroutine_handle<promise_type> h_;
};

} // namespace inhouse

#endif
