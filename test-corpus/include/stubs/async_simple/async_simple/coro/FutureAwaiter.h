// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/FutureAwaiter.h.
#pragma once
#pragma clang system_header

#include "../Future.h"
#include "Lazy.h"

#include <coroutine>
#include <utility>

namespace async_simple {

namespace coro::detail {
template <typename T> struct FutureAwaiter {
  Future<T> future_;
  bool await_ready() { return future_.hasResult(); }
  template <typename PromiseType>
  bool await_suspend(std::coroutine_handle<PromiseType> continuation);
  auto await_resume() {
    if constexpr (!std::is_same_v<T, void>)
      return std::move(future_.value());
  }
};
} // namespace coro::detail

template <typename T> auto operator co_await(Future<T> &&future) {
  return coro::detail::FutureAwaiter<T>{std::move(future)};
}

} // namespace async_simple
