// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/SharedMutex.h (the NonCopyableNonMovable base left out).
#pragma once
#pragma clang system_header

#include "Coroutine.h"
#include "SharedLock.h"

#include <mutex>

namespace folly {
namespace coro {

class SharedMutexFair {
  template <typename Awaiter> class LockOperation {
  public:
    explicit LockOperation(SharedMutexFair &mutex) noexcept : mutex_(mutex) {}
    Awaiter operator co_await() const noexcept { return Awaiter{mutex_}; }

  private:
    SharedMutexFair &mutex_;
  };
  template <typename Result> class Awaiter {
  public:
    explicit Awaiter(SharedMutexFair &mutex) noexcept : mutex_(mutex) {}
    bool await_ready() noexcept;
    bool await_suspend(coroutine_handle<> awaitingCoroutine) noexcept;
    Result await_resume() noexcept;

  private:
    SharedMutexFair &mutex_;
  };
  using LockAwaiter = Awaiter<void>;
  using ScopedLockAwaiter = Awaiter<std::unique_lock<SharedMutexFair>>;
  using LockSharedAwaiter = Awaiter<void>;
  using ScopedLockSharedAwaiter = Awaiter<SharedLock<SharedMutexFair>>;
  using LockUpgradeAwaiter = Awaiter<void>;
  using ScopedLockUpgradeAwaiter = Awaiter<UpgradeLock<SharedMutexFair>>;

public:
  SharedMutexFair() noexcept = default;
  SharedMutexFair(const SharedMutexFair &) = delete;
  ~SharedMutexFair();

  bool try_lock() noexcept;
  bool try_lock_shared() noexcept;
  bool try_lock_upgrade() noexcept;
  [[nodiscard]] LockOperation<LockAwaiter> co_lock() noexcept;
  [[nodiscard]] LockOperation<ScopedLockAwaiter> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<LockSharedAwaiter> co_lock_shared() noexcept;
  [[nodiscard]] LockOperation<ScopedLockSharedAwaiter> co_scoped_lock_shared() noexcept;
  [[nodiscard]] LockOperation<LockUpgradeAwaiter> co_lock_upgrade() noexcept;
  [[nodiscard]] LockOperation<ScopedLockUpgradeAwaiter> co_scoped_lock_upgrade() noexcept;
  void unlock() noexcept;
  void unlock_shared() noexcept;
  void unlock_upgrade() noexcept;
  bool try_unlock_upgrade_and_lock() noexcept;
};

using SharedMutex = SharedMutexFair;

} // namespace coro
} // namespace folly
