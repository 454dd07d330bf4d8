// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/task.hpp.
#ifndef CPPCORO_TASK_HPP_INCLUDED
#define CPPCORO_TASK_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

namespace cppcoro {

template <typename T> class task;

namespace detail {

class task_promise_base {
public:
  struct final_awaitable {
    bool await_ready() const noexcept { return false; }
    template <typename PROMISE>
    coroutine_handle<> await_suspend(coroutine_handle<PROMISE> coro) noexcept;
    void await_resume() noexcept {}
  };

  suspend_always initial_suspend() noexcept { return {}; }
  final_awaitable final_suspend() noexcept { return {}; }
  void set_continuation(coroutine_handle<> continuation) noexcept;
};

template <typename T> class task_promise final : public task_promise_base {
public:
  task<T> get_return_object() noexcept;
  void unhandled_exception() noexcept;
  template <typename VALUE> void return_value(VALUE &&value);
  T &result() &;
};

template <> class task_promise<void> : public task_promise_base {
public:
  task<void> get_return_object() noexcept;
  void unhandled_exception() noexcept;
  void return_void() noexcept {}
  void result();
};

} // namespace detail

template <typename T = void> class [[nodiscard]] task {
public:
  using promise_type = detail::task_promise<T>;
  using value_type = T;

  struct awaitable {
    coroutine_handle<promise_type> m_coroutine;
    bool await_ready() const noexcept;
    coroutine_handle<> await_suspend(coroutine_handle<> awaiting) noexcept;
    decltype(auto) await_resume() { return m_coroutine.promise().result(); }
  };

  task() noexcept;
  explicit task(coroutine_handle<promise_type> coroutine);
  task(task &&t) noexcept;
  task(const task &) = delete;
  task &operator=(const task &) = delete;
  task &operator=(task &&other) noexcept;
  ~task();

  bool is_ready() const noexcept;
  awaitable operator co_await() const & noexcept { return {m_coroutine}; }
  awaitable operator co_await() const && noexcept { return {m_coroutine}; }
  awaitable when_ready() const noexcept { return {m_coroutine}; }

private:
  coroutine_handle<promise_type> m_coroutine;
};

} // namespace cppcoro

#endif
