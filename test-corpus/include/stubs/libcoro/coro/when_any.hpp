// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/when_any.hpp.
#pragma once
#pragma clang system_header

#include "task.hpp"

#include <stop_token>
#include <type_traits>
#include <utility>
#include <variant>

namespace coro {

namespace detail {
template <typename T> struct when_any_variant_traits {
  using type = T;
};
template <> struct when_any_variant_traits<void> {
  using type = std::monostate;
};
template <typename awaitable_type>
using when_any_result_t = typename when_any_variant_traits<std::remove_reference_t<
    decltype(std::declval<awaitable_type &>().operator co_await().await_resume())>>::type;
} // namespace detail

template <typename... awaitable_type>
[[nodiscard]] auto when_any(std::stop_source stop_source,
                            awaitable_type... awaitables)
    -> coro::task<std::variant<detail::when_any_result_t<awaitable_type>...>>;

template <typename... awaitable_type>
[[nodiscard]] auto when_any(awaitable_type... awaitables)
    -> coro::task<std::variant<detail::when_any_result_t<awaitable_type>...>>;

} // namespace coro
