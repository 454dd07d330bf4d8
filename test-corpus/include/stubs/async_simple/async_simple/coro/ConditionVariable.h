// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/ConditionVariable.h (not the Notifier specialization).
#pragma once
#pragma clang system_header

#include "Lazy.h"

#include <coroutine>

namespace async_simple {
namespace coro {

template <class Lock> class ConditionVariableAwaiter;

template <class Lock> class ConditionVariable {
public:
  ConditionVariable() noexcept {}
  ~ConditionVariable() {}
  ConditionVariable(const ConditionVariable &) = delete;
  ConditionVariable &operator=(const ConditionVariable &) = delete;

  void notify() noexcept { notifyAll(); }
  void notifyOne() noexcept;
  void notifyAll() noexcept;
  // Called with lock held; gives it up while waiting and holds it again after.
  template <class Pred> Lazy<> wait(Lock &lock, Pred &&pred) noexcept {
    (void)lock;
    (void)pred;
    co_return;
  }

private:
  friend class ConditionVariableAwaiter<Lock>;
};

} // namespace coro
} // namespace async_simple
