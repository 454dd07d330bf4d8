// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/Mutex.h.
#pragma once
#pragma clang system_header

#include "Coroutine.h"

#include <mutex>

namespace folly {
namespace coro {

class Mutex {
  class ScopedLockAwaiter;
  class LockAwaiter;
  template <typename Awaiter> class LockOperation;

public:
  Mutex() noexcept {}
  Mutex(const Mutex &) = delete;
  Mutex(Mutex &&) = delete;
  Mutex &operator=(const Mutex &) = delete;
  Mutex &operator=(Mutex &&) = delete;
  ~Mutex();

  bool try_lock() noexcept;
  [[nodiscard]] LockOperation<ScopedLockAwaiter> co_scoped_lock() noexcept;
  [[nodiscard]] LockOperation<LockAwaiter> co_lock() noexcept;
  void unlock() noexcept;

private:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : mutex_(mutex) {}
    bool await_ready() noexcept { return mutex_.try_lock(); }
    bool await_suspend(coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  protected:
    Mutex &mutex_;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>{mutex_, std::adopt_lock};
    }
  };

  template <typename Awaiter> class LockOperation {
  public:
    explicit LockOperation(Mutex &mutex) noexcept : mutex_(mutex) {}
    Awaiter operator co_await() const noexcept { return Awaiter{mutex_}; }

  private:
    Mutex &mutex_;
  };
};

inline Mutex::LockOperation<Mutex::ScopedLockAwaiter> Mutex::co_scoped_lock() noexcept {
  return LockOperation<ScopedLockAwaiter>{*this};
}
inline Mutex::LockOperation<Mutex::LockAwaiter> Mutex::co_lock() noexcept {
  return LockOperation<LockAwaiter>{*this};
}

} // namespace coro
} // namespace folly
