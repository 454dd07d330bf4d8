// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/SpinLock.h.
#pragma once
#pragma clang system_header

#include "Lazy.h"

#include <cstdint>
#include <mutex>

namespace async_simple {
namespace coro {

class SpinLock {
public:
  explicit SpinLock(std::int32_t count = 1024) noexcept : _spinCount(count) {}
  bool tryLock() noexcept;
  Lazy<> coLock();
  void lock() noexcept;
  void unlock() noexcept;
  [[nodiscard]] Lazy<std::unique_lock<SpinLock>> coScopedLock();

private:
  std::int32_t _spinCount;
};

} // namespace coro
} // namespace async_simple
