// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/sync_wait.hpp.
#ifndef CPPCORO_SYNC_WAIT_HPP_INCLUDED
#define CPPCORO_SYNC_WAIT_HPP_INCLUDED
#pragma clang system_header

namespace cppcoro {

// Blocks the calling thread until the awaitable completes; returns its result.
template <typename AWAITABLE> auto sync_wait(AWAITABLE &&awaitable) {
  return awaitable.operator co_await().await_resume();
}

} // namespace cppcoro

#endif
