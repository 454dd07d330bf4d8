// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/coroutine.hh.
#pragma once
#pragma clang system_header

#include "future.hh"

#include <coroutine>
#include <exception>

namespace seastar {

namespace internal {

template <typename T = void> class coroutine_traits_base {
public:
  class promise_type final {
  public:
    template <typename... U> void return_value(U &&...value);
    void unhandled_exception() noexcept;
    seastar::future<T> get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <> class coroutine_traits_base<> {
public:
  class promise_type final {
  public:
    void return_void() noexcept;
    void unhandled_exception() noexcept;
    seastar::future<> get_return_object() noexcept;
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
  };
};

template <bool CheckPreempt, typename T> struct awaiter {
  seastar::future<T> _future;
  explicit awaiter(seastar::future<T> &&f) noexcept : _future(std::move(f)) {}
  bool await_ready() const noexcept;
  template <typename U> void await_suspend(std::coroutine_handle<U> hndl) noexcept;
  T await_resume();
};

template <bool CheckPreempt> struct awaiter<CheckPreempt, void> {
  seastar::future<> _future;
  explicit awaiter(seastar::future<> &&f) noexcept : _future(std::move(f)) {}
  bool await_ready() const noexcept;
  template <typename U> void await_suspend(std::coroutine_handle<U> hndl) noexcept;
  void await_resume();
};

} // namespace internal

template <typename T> auto operator co_await(future<T> &&f) noexcept {
  return internal::awaiter<true, T>(std::move(f));
}

} // namespace seastar

namespace std {
template <typename T, typename... Args>
class coroutine_traits<seastar::future<T>, Args...>
    : public seastar::internal::coroutine_traits_base<T> {};
} // namespace std
