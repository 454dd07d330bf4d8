// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Task.h, and the FutureAwaiter and operator co_await(Future&&)
// of folly/futures/Future.h (the promise's await_transform only adapts a
// SemiFuture here, as co_viaIfAsync would).
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "../Try.h"
#include "../futures/Future.h"
#include "Coroutine.h"

#include <exception>
#include <utility>

namespace folly {

namespace detail {
template <typename T> class FutureAwaiter {
public:
  explicit FutureAwaiter(folly::Future<T> &&future) noexcept;
  bool await_ready() noexcept;
  T await_resume();
  bool await_suspend(coro::coroutine_handle<> h) noexcept;
};
} // namespace detail

template <typename T>
inline detail::FutureAwaiter<T> operator co_await(Future<T> &&future) noexcept {
  return detail::FutureAwaiter<T>(std::move(future));
}

} // namespace folly

namespace folly::coro {

template <typename T = void> class Task;
template <typename T = void> class TaskWithExecutor;

namespace detail {

class TaskPromiseBase {
public:
  struct FinalAwaiter {
    bool await_ready() noexcept { return false; }
    template <typename Promise>
    coroutine_handle<> await_suspend(coroutine_handle<Promise> coro) noexcept;
    void await_resume() noexcept {}
  };

  suspend_always initial_suspend() noexcept { return {}; }
  FinalAwaiter final_suspend() noexcept { return {}; }

  template <typename Awaitable> Awaitable &&await_transform(Awaitable &&awaitable) {
    return static_cast<Awaitable &&>(awaitable);
  }
  template <typename T>
  folly::detail::FutureAwaiter<T> await_transform(SemiFuture<T> &&future);

  folly::Executor::KeepAlive<> getExecutor() const noexcept;
};

template <typename T> class TaskPromise final : public TaskPromiseBase {
public:
  Task<T> get_return_object() noexcept;
  void unhandled_exception() noexcept;
  template <typename U = T> void return_value(U &&value);
  Try<T> &result();
};

template <> class TaskPromise<void> final : public TaskPromiseBase {
public:
  Task<void> get_return_object() noexcept;
  void unhandled_exception() noexcept;
  void return_void() noexcept {}
  Try<void> &result();
};

} // namespace detail

template <typename T> class [[nodiscard]] TaskWithExecutor {
  using handle_t = coroutine_handle<detail::TaskPromise<T>>;

public:
  class Awaiter {
  public:
    bool await_ready() noexcept;
    coroutine_handle<> await_suspend(coroutine_handle<> continuation) noexcept;
    T await_resume();
  };

  ~TaskWithExecutor();
  TaskWithExecutor(TaskWithExecutor &&t) noexcept;
  TaskWithExecutor &operator=(TaskWithExecutor t) noexcept;

  folly::Executor *executor() const noexcept;
  SemiFuture<lift_unit_t<T>> start() &&;
  template <typename F> void start(F &&tryCallback) &&;
  Awaiter operator co_await() && noexcept;

private:
  friend class Task<T>;
  explicit TaskWithExecutor(handle_t coro) noexcept : coro_(coro) {}
  handle_t coro_;
};

template <typename T> class Task {
public:
  using promise_type = detail::TaskPromise<T>;

  class Awaiter {
  public:
    bool await_ready() noexcept;
    coroutine_handle<> await_suspend(coroutine_handle<> continuation) noexcept;
    T await_resume();
  };

  Task(const Task &t) = delete;
  Task(Task &&t) noexcept : coro_(std::exchange(t.coro_, {})) {}
  ~Task();
  Task &operator=(Task t) noexcept;

  SemiFuture<lift_unit_t<T>> semi() &&;
  Awaiter operator co_await() && noexcept;

  friend TaskWithExecutor<T> co_withExecutor(Executor::KeepAlive<> executor, Task task) noexcept {
    return TaskWithExecutor<T>{std::exchange(task.coro_, {})};
  }

private:
  friend class detail::TaskPromise<T>;
  explicit Task(coroutine_handle<promise_type> coro) noexcept : coro_(coro) {}
  coroutine_handle<promise_type> coro_;
};

} // namespace folly::coro
