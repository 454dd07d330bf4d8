// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Coroutine.h.
#pragma once
#pragma clang system_header

#include <coroutine>

namespace folly::coro {
namespace impl = std;
using impl::coroutine_handle;
using impl::coroutine_traits;
using impl::noop_coroutine;
using impl::suspend_always;
using impl::suspend_never;
} // namespace folly::coro
