// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/task.hpp.
#pragma once
#pragma clang system_header

#include <coroutine>
#include <exception>
#include <utility>

namespace coro {

template <typename return_type = void> class task;

namespace detail {

struct promise_base {
  struct final_awaitable {
    auto await_ready() const noexcept -> bool { return false; }
    template <typename promise_type>
    auto await_suspend(std::coroutine_handle<promise_type> coroutine) noexcept
        -> std::coroutine_handle<>;
    auto await_resume() noexcept -> void {}
  };

  auto initial_suspend() noexcept { return std::suspend_always{}; }
  auto final_suspend() noexcept { return final_awaitable{}; }
  auto continuation(std::coroutine_handle<> continuation) noexcept -> void;
};

template <typename return_type> struct promise final : public promise_base {
  using task_type = task<return_type>;
  auto get_return_object() noexcept -> task_type;
  template <typename value_type> auto return_value(value_type &&value) -> void;
  auto unhandled_exception() noexcept -> void;
  auto result() & -> return_type &;
  auto result() && -> return_type &&;
};

template <> struct promise<void> : public promise_base {
  using task_type = task<void>;
  auto get_return_object() noexcept -> task_type;
  auto return_void() noexcept -> void {}
  auto unhandled_exception() noexcept -> void;
  auto result() -> void;
};

} // namespace detail

template <typename return_type> class [[nodiscard]] task {
public:
  using task_type = task<return_type>;
  using promise_type = detail::promise<return_type>;
  using coroutine_handle = std::coroutine_handle<promise_type>;

  struct awaitable_base {
    coroutine_handle m_coroutine{nullptr};
    auto await_ready() const noexcept -> bool;
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept
        -> std::coroutine_handle<>;
  };
  struct awaitable : awaitable_base {
    auto await_resume() -> decltype(auto) { return this->m_coroutine.promise().result(); }
  };
  struct rvalue_awaitable : awaitable_base {
    auto await_resume() -> decltype(auto) {
      return std::move(this->m_coroutine.promise()).result();
    }
  };

  task() noexcept : m_coroutine(nullptr) {}
  explicit task(coroutine_handle handle) : m_coroutine(handle) {}
  task(const task &) = delete;
  task(task &&other) noexcept;
  ~task();
  auto operator=(const task &) -> task & = delete;
  auto operator=(task &&other) noexcept -> task &;

  auto is_ready() const noexcept -> bool;
  auto resume() -> bool;
  auto destroy() -> bool;
  auto operator co_await() const & noexcept { return awaitable{{m_coroutine}}; }
  auto operator co_await() const && noexcept { return rvalue_awaitable{{m_coroutine}}; }
  auto handle() -> coroutine_handle { return m_coroutine; }

private:
  coroutine_handle m_coroutine{nullptr};
};

} // namespace coro
