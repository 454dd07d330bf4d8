// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/semaphore.hpp.
#pragma once
#pragma clang system_header

#include "task.hpp"

#include <cstddef>

namespace coro {

enum class semaphore_acquire_result { acquired, shutdown };

template <std::ptrdiff_t max_value> class semaphore {
public:
  explicit semaphore(const std::ptrdiff_t starting_value);
  ~semaphore();
  semaphore(const semaphore &) = delete;
  semaphore(semaphore &&) = delete;

  [[nodiscard]] auto acquire() -> coro::task<semaphore_acquire_result>;
  [[nodiscard]] auto release() -> coro::task<void>;
  auto try_acquire() -> bool;
  [[nodiscard]] static constexpr auto max() noexcept -> std::ptrdiff_t { return max_value; }
  [[nodiscard]] auto value() const noexcept -> std::ptrdiff_t;
  [[nodiscard]] auto shutdown() noexcept -> coro::task<void>;
  [[nodiscard]] auto is_shutdown() const -> bool;
};

} // namespace coro
