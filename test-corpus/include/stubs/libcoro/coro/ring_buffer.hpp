// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/ring_buffer.hpp.
#pragma once
#pragma clang system_header

#include "expected.hpp"
#include "task.hpp"

#include <cstddef>
#include <memory>

namespace coro {

namespace ring_buffer_result {
enum class produce { produced, stopped };
enum class consume { stopped };
} // namespace ring_buffer_result

template <typename element, std::size_t num_elements> class ring_buffer {
public:
  ring_buffer() {}
  ~ring_buffer();
  ring_buffer(const ring_buffer<element, num_elements> &) = delete;
  ring_buffer(ring_buffer<element, num_elements> &&) = delete;

  [[nodiscard]] auto produce(element e) -> coro::task<ring_buffer_result::produce>;
  [[nodiscard]] auto consume()
      -> coro::task<expected<element, ring_buffer_result::consume>>;
  auto size() const -> std::size_t;
  [[nodiscard]] auto empty() const -> bool { return size() == 0; }
  auto notify_producers() -> coro::task<void>;
  auto notify_consumers() -> coro::task<void>;
  auto shutdown() -> coro::task<void>;
  template <typename executor_type>
  [[nodiscard]] auto shutdown_drain(std::unique_ptr<executor_type> &e) -> coro::task<void>;
  [[nodiscard]] auto is_shutdown() const -> bool;
};

} // namespace coro
