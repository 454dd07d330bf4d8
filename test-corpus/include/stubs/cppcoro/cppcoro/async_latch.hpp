// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/async_latch.hpp.
#ifndef CPPCORO_ASYNC_LATCH_HPP_INCLUDED
#define CPPCORO_ASYNC_LATCH_HPP_INCLUDED
#pragma clang system_header

#include "async_manual_reset_event.hpp"

#include <cstddef>

namespace cppcoro {

class async_latch {
public:
  async_latch(std::ptrdiff_t initialCount) noexcept
      : m_count(initialCount), m_event(initialCount <= 0) {}
  bool is_ready() const noexcept { return m_event.is_set(); }
  void count_down(std::ptrdiff_t n = 1) noexcept;
  auto operator co_await() const noexcept { return m_event.operator co_await(); }

private:
  std::ptrdiff_t m_count;
  async_manual_reset_event m_event;
};

} // namespace cppcoro

#endif
