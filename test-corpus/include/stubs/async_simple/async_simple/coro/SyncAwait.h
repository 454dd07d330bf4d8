// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/SyncAwait.h.
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "Lazy.h"

#include <type_traits>
#include <utility>

namespace async_simple {
namespace coro {

// Blocks the calling thread until the lazy completes; returns its value.
template <typename LazyType>
inline auto syncAwait(LazyType &&lazy) -> typename std::decay_t<LazyType>::ValueType;

template <typename LazyType>
inline auto syncAwait(LazyType &&lazy, Executor *ex)
    -> typename std::decay_t<LazyType>::ValueType;

} // namespace coro
} // namespace async_simple
