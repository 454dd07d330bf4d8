// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/event.hpp.
#pragma once
#pragma clang system_header

#include <coroutine>
#include <memory>

namespace coro {

enum class resume_order_policy { lifo, fifo };

class event {
public:
  struct awaiter {
    awaiter(const event &e) noexcept : m_event(e) {}
    auto await_ready() const noexcept -> bool { return m_event.is_set(); }
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;
    auto await_resume() noexcept {}

    const event &m_event;
  };

  explicit event(bool initially_set = false) noexcept;
  ~event() = default;
  event(const event &) = delete;
  event(event &&) = delete;
  auto operator=(const event &) -> event & = delete;
  auto operator=(event &&) -> event & = delete;

  auto is_set() const noexcept -> bool;
  auto set(resume_order_policy policy = resume_order_policy::lifo) noexcept -> void;
  template <typename executor_type>
  auto set(std::unique_ptr<executor_type> &e,
           resume_order_policy policy = resume_order_policy::lifo) noexcept -> void;
  auto operator co_await() const noexcept -> awaiter { return awaiter(*this); }
  auto reset() noexcept -> void;
};

} // namespace coro
