// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/async_manual_reset_event.hpp.
#ifndef CPPCORO_ASYNC_MANUAL_RESET_EVENT_HPP_INCLUDED
#define CPPCORO_ASYNC_MANUAL_RESET_EVENT_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

namespace cppcoro {

class async_manual_reset_event_operation;

class async_manual_reset_event {
public:
  async_manual_reset_event(bool initiallySet = false) noexcept;
  ~async_manual_reset_event();
  async_manual_reset_event_operation operator co_await() const noexcept;
  bool is_set() const noexcept;
  void set() noexcept;
  void reset() noexcept;
};

class async_manual_reset_event_operation {
public:
  explicit async_manual_reset_event_operation(
      const async_manual_reset_event &event) noexcept;
  bool await_ready() const noexcept;
  bool await_suspend(coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}
};

} // namespace cppcoro

#endif
