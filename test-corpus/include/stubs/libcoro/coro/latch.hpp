// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/latch.hpp.
#pragma once
#pragma clang system_header

#include "event.hpp"

#include <cstddef>
#include <cstdint>

namespace coro {

class latch {
public:
  latch(std::int64_t count) noexcept : m_count(count), m_event(count <= 0) {}
  ~latch() = default;
  latch(const latch &) = delete;
  latch(latch &&) = delete;
  auto operator=(const latch &) -> latch & = delete;
  auto operator=(latch &&) -> latch & = delete;

  auto is_ready() const noexcept -> bool { return m_event.is_set(); }
  auto remaining() const noexcept -> std::size_t;
  auto count_down(std::int64_t n = 1) noexcept -> void;
  template <typename executor_type>
  auto count_down(std::unique_ptr<executor_type> &executor,
                  std::int64_t n = 1) noexcept -> void;
  auto operator co_await() const noexcept -> event::awaiter {
    return m_event.operator co_await();
  }

private:
  std::int64_t m_count;
  event m_event;
};

} // namespace coro
