// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Semaphore.h.
#pragma once
#pragma clang system_header

#include "ConditionVariable.h"
#include "Lazy.h"
#include "SpinLock.h"

#include <cstddef>
#include <cstdint>
#include <limits>

namespace async_simple::coro {

template <std::size_t LeastMaxValue = std::numeric_limits<std::uint32_t>::max()>
class CountingSemaphore {
public:
  explicit CountingSemaphore(std::size_t desired) : count_(desired) {}
  ~CountingSemaphore() = default;
  CountingSemaphore(const CountingSemaphore &) = delete;
  CountingSemaphore &operator=(const CountingSemaphore &) = delete;

  static constexpr std::size_t max() noexcept { return LeastMaxValue; }
  Lazy<void> acquire() noexcept;
  Lazy<void> release(std::size_t update = 1) noexcept;
  Lazy<bool> try_acquire() noexcept;

private:
  using MutexType = SpinLock;
  MutexType lock_;
  ConditionVariable<MutexType> cv_;
  std::size_t count_;
};

using BinarySemaphore = CountingSemaphore<1>;

} // namespace async_simple::coro
