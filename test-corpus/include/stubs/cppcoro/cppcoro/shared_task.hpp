// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/shared_task.hpp.
#ifndef CPPCORO_SHARED_TASK_HPP_INCLUDED
#define CPPCORO_SHARED_TASK_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

namespace cppcoro {

template <typename T> class shared_task;

namespace detail {

class shared_task_promise_base {
public:
  struct final_awaiter {
    bool await_ready() const noexcept { return false; }
    template <typename PROMISE>
    void await_suspend(coroutine_handle<PROMISE> h) noexcept;
    void await_resume() noexcept {}
  };

  suspend_always initial_suspend() noexcept { return {}; }
  final_awaiter final_suspend() noexcept { return {}; }
  void unhandled_exception() noexcept;
};

template <typename T>
class shared_task_promise : public shared_task_promise_base {
public:
  shared_task<T> get_return_object() noexcept;
  template <typename VALUE> void return_value(VALUE &&value);
  T &result();
};

template <>
class shared_task_promise<void> : public shared_task_promise_base {
public:
  shared_task<void> get_return_object() noexcept;
  void return_void() noexcept {}
  void result();
};

} // namespace detail

template <typename T = void> class [[nodiscard]] shared_task {
public:
  using promise_type = detail::shared_task_promise<T>;
  using value_type = T;

  struct awaitable {
    coroutine_handle<promise_type> m_coroutine;
    bool await_ready() const noexcept;
    bool await_suspend(coroutine_handle<> awaiter) noexcept;
    decltype(auto) await_resume() { return m_coroutine.promise().result(); }
  };

  shared_task() noexcept;
  explicit shared_task(coroutine_handle<promise_type> coroutine);
  shared_task(shared_task &&other) noexcept;
  shared_task(const shared_task &other) noexcept;
  ~shared_task();
  shared_task &operator=(shared_task &&other) noexcept;
  shared_task &operator=(const shared_task &other) noexcept;

  void swap(shared_task &other) noexcept;
  bool is_ready() const noexcept;
  awaitable operator co_await() const noexcept { return {m_coroutine}; }
  awaitable when_ready() const noexcept { return {m_coroutine}; }

private:
  coroutine_handle<promise_type> m_coroutine;
};

template <typename AWAITABLE> auto make_shared_task(AWAITABLE awaitable);

} // namespace cppcoro

#endif
