// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Collect.h (collectAny* only; component types simplified).
#pragma once
#pragma clang system_header

#include "../Try.h"
#include "Task.h"

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace folly::coro {

namespace detail {
template <typename SemiAwaitable>
using await_result_t =
    decltype(std::declval<SemiAwaitable>().operator co_await().await_resume());
template <typename T> struct non_void {
  using type = T;
};
template <> struct non_void<void> {
  using type = Unit;
};
// The result of the first (folly takes the common type of them all).
template <typename... SemiAwaitables>
using collect_any_component_t = typename non_void<await_result_t<
    std::remove_reference_t<std::tuple_element_t<0, std::tuple<SemiAwaitables...>>>>>::type;
template <typename SemiAwaitable>
using collect_all_try_component_t =
    Try<typename non_void<await_result_t<SemiAwaitable>>::type>;
template <typename InputRange>
using range_component_t = typename non_void<
    await_result_t<typename std::remove_reference_t<InputRange>::value_type>>::type;
} // namespace detail

template <typename SemiAwaitable, typename... SemiAwaitables>
auto collectAny(SemiAwaitable &&awaitable, SemiAwaitables &&...awaitables)
    -> folly::coro::Task<std::pair<
        std::size_t,
        folly::Try<detail::collect_any_component_t<SemiAwaitable, SemiAwaitables...>>>>;

template <typename... SemiAwaitables>
auto collectAnyWithoutException(SemiAwaitables &&...awaitables)
    -> folly::coro::Task<std::pair<
        std::size_t, folly::Try<detail::collect_any_component_t<SemiAwaitables...>>>>;

template <typename... SemiAwaitables>
auto collectAnyNoDiscard(SemiAwaitables &&...awaitables)
    -> folly::coro::Task<std::tuple<
        detail::collect_all_try_component_t<std::remove_cvref_t<SemiAwaitables>>...>>;

template <typename InputRange>
auto collectAnyRange(InputRange awaitables)
    -> folly::coro::Task<std::pair<std::size_t, folly::Try<detail::range_component_t<InputRange>>>>;

template <typename InputRange>
auto collectAnyWithoutExceptionRange(InputRange awaitables)
    -> folly::coro::Task<std::pair<std::size_t, folly::Try<detail::range_component_t<InputRange>>>>;

template <typename InputRange>
auto collectAnyNoDiscardRange(InputRange awaitables)
    -> folly::coro::Task<std::vector<folly::Try<detail::range_component_t<InputRange>>>>;

} // namespace folly::coro
