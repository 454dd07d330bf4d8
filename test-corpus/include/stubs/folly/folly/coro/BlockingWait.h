// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/BlockingWait.h.
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "Task.h"

#include <utility>

namespace folly::coro {

namespace detail {
template <typename Awaitable>
using blocking_wait_result_t =
    decltype(std::declval<Awaitable>().operator co_await().await_resume());
} // namespace detail

// Blocks the calling thread until the awaitable completes.
struct blocking_wait_fn {
  template <typename Awaitable>
  auto operator()(Awaitable &&awaitable) const
      -> detail::blocking_wait_result_t<Awaitable>;
  template <typename SemiAwaitable>
  auto operator()(SemiAwaitable &&awaitable, folly::DrivableExecutor *executor) const
      -> detail::blocking_wait_result_t<SemiAwaitable>;
};
inline constexpr blocking_wait_fn blocking_wait{};
static constexpr blocking_wait_fn const &blockingWait = blocking_wait; // backcompat

} // namespace folly::coro
