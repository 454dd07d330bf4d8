// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Timeout.h (the pick_task_wrapper result is a Task here).
#pragma once
#pragma clang system_header

#include "../futures/Future.h"
#include "Task.h"

#include <utility>

namespace folly::coro {

namespace detail {
template <typename SemiAwaitable>
using TimeoutTask =
    Task<decltype(std::declval<SemiAwaitable>().operator co_await().await_resume())>;
} // namespace detail

template <typename SemiAwaitable, typename Duration>
detail::TimeoutTask<SemiAwaitable> timeout(SemiAwaitable semiAwaitable,
                                           Duration timeoutDuration,
                                           Timekeeper *tk = nullptr);

template <typename SemiAwaitable, typename Duration>
detail::TimeoutTask<SemiAwaitable> timeoutNoDiscard(SemiAwaitable semiAwaitable,
                                                    Duration timeoutDuration,
                                                    Timekeeper *tk = nullptr);

} // namespace folly::coro
