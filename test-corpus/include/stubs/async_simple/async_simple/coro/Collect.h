// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Collect.h (collectAny only).
#pragma once
#pragma clang system_header

#include "../Signal.h"
#include "../Try.h"
#include "Lazy.h"

#include <cstddef>
#include <exception>
#include <memory>
#include <variant>
#include <vector>

namespace async_simple {
namespace coro {

namespace detail {
template <typename T> struct CollectAnyResult {
  std::size_t _idx;
  Try<T> _value;

  std::size_t index() const { return _idx; }
  bool hasError() const;
  std::exception_ptr getException() const;
  const T &value() const &;
};
} // namespace detail

// Completes when the first of its inputs does.
template <SignalType SignalType = SignalType::None, typename T,
          template <typename> typename LazyType,
          typename IAlloc = std::allocator<LazyType<T>>>
inline Lazy<detail::CollectAnyResult<typename LazyType<T>::ValueType>>
collectAny(std::vector<LazyType<T>, IAlloc> &&input);

template <SignalType SignalType = SignalType::None,
          template <typename> typename LazyType, typename... Ts>
inline Lazy<std::variant<Try<Ts>...>> collectAny(LazyType<Ts>... awaitables);

} // namespace coro
} // namespace async_simple
