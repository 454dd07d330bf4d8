// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/coroutine.hpp.
// cppcoro names the standard coroutine machinery in its own namespace.
#ifndef CPPCORO_COROUTINE_HPP_INCLUDED
#define CPPCORO_COROUTINE_HPP_INCLUDED
#pragma clang system_header

#include <coroutine>

namespace cppcoro {
using std::coroutine_handle;
using std::noop_coroutine;
using std::suspend_always;
using std::suspend_never;
} // namespace cppcoro

#endif
