// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Sleep.h.
#pragma once
#pragma clang system_header

#include "../Executor.h"
#include "Lazy.h"

#include <chrono>
#include <cstdint>

namespace async_simple {
namespace coro {

template <typename Rep, typename Period>
Lazy<void> sleep(Executor *ex, std::chrono::duration<Rep, Period> dur,
                 std::uint64_t schedule_hint);
template <typename Rep, typename Period>
Lazy<void> sleep(Executor *ex, std::chrono::duration<Rep, Period> dur);
// Without a current executor, falls back to std::this_thread::sleep_for.
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur, std::uint64_t schedule_hint);
template <typename Rep, typename Period>
Lazy<void> sleep(std::chrono::duration<Rep, Period> dur);

} // namespace coro
} // namespace async_simple
