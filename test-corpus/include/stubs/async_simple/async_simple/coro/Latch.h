// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Latch.h.
#pragma once
#pragma clang system_header

#include "ConditionVariable.h"
#include "Lazy.h"
#include "SpinLock.h"

#include <cstddef>

namespace async_simple::coro {

class Latch {
public:
  explicit Latch(std::size_t count) : count_(count) {}
  ~Latch() = default;
  Latch(const Latch &) = delete;
  Latch &operator=(const Latch &) = delete;

  Lazy<void> count_down(std::size_t update = 1);
  Lazy<bool> try_wait() const noexcept;
  Lazy<void> wait() const noexcept;
  Lazy<void> arrive_and_wait(std::size_t update = 1) noexcept;

private:
  using MutexType = SpinLock;
  mutable MutexType mutex_;
  mutable ConditionVariable<MutexType> cv_;
  std::size_t count_;
};

} // namespace async_simple::coro
