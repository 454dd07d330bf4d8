// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/SharedMutex.h.
#pragma once
#pragma clang system_header

#include "ConditionVariable.h"
#include "Lazy.h"
#include "SpinLock.h"

#include <utility>

namespace async_simple::coro {

template <typename Lock> class SharedMutexBase {
  Lock mut_;
  ConditionVariable<Lock> gate1_;
  ConditionVariable<Lock> gate2_;
  unsigned state_;

public:
  template <typename... Args>
  SharedMutexBase(Args &&...args) : mut_(std::forward<Args>(args)...), state_(0) {}
  SharedMutexBase(const SharedMutexBase &) = delete;
  SharedMutexBase &operator=(const SharedMutexBase &) = delete;

  async_simple::coro::Lazy<> coLock() noexcept;
  bool tryLock() noexcept;
  async_simple::coro::Lazy<void> unlock() noexcept;
  async_simple::coro::Lazy<void> coLockShared();
  bool tryLockShared();
  async_simple::coro::Lazy<void> unlockShared();
};

struct SharedMutex : public SharedMutexBase<SpinLock> {
  SharedMutex(int count = 128) : SharedMutexBase<SpinLock>(count) {}
};

} // namespace async_simple::coro
