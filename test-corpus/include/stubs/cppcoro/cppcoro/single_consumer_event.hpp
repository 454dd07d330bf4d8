// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/single_consumer_event.hpp.
#ifndef CPPCORO_SINGLE_CONSUMER_EVENT_HPP_INCLUDED
#define CPPCORO_SINGLE_CONSUMER_EVENT_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

namespace cppcoro {

class single_consumer_event {
public:
  class awaiter {
  public:
    awaiter(single_consumer_event &event) : m_event(event) {}
    bool await_ready() const noexcept;
    bool await_suspend(coroutine_handle<> awaiter);
    void await_resume() noexcept {}

  private:
    single_consumer_event &m_event;
  };

  single_consumer_event(bool initiallySet = false) noexcept;
  bool is_set() const noexcept;
  void set();
  void reset() noexcept;
  awaiter operator co_await() noexcept { return awaiter{*this}; }
};

} // namespace cppcoro

#endif
