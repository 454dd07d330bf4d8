// Stub of async_simple for corolint's model name check (tests/CMakeLists.txt,
// models/async-simple; test-corpus/models/async-simple-api.cpp). Written here,
// not copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of alibaba/async_simple
// (https://github.com/alibaba/async_simple) at commit
// d8abc4fe71a6481e2b354e01029687a5df68417c (1.4-28-gd8abc4f),
// async_simple/coro/Mutex.h.
#pragma once
#pragma clang system_header

#include <coroutine>
#include <mutex>

namespace async_simple {
namespace coro {

class Mutex {
private:
  class ScopedLockAwaiter;
  class LockAwaiter;

public:
  Mutex() noexcept {}
  Mutex(const Mutex &) = delete;
  Mutex(Mutex &&) = delete;
  Mutex &operator=(const Mutex &) = delete;
  Mutex &operator=(Mutex &&) = delete;
  ~Mutex();

  bool tryLock() noexcept;
  [[nodiscard]] ScopedLockAwaiter coScopedLock() noexcept;
  [[nodiscard]] LockAwaiter coLock() noexcept;
  void unlock() noexcept;

private:
  class LockAwaiter {
  public:
    explicit LockAwaiter(Mutex &mutex) noexcept : _mutex(mutex) {}
    bool await_ready() noexcept { return _mutex.tryLock(); }
    bool await_suspend(std::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept {}

  protected:
    Mutex &_mutex;
  };

  class ScopedLockAwaiter : public LockAwaiter {
  public:
    using LockAwaiter::LockAwaiter;
    [[nodiscard]] std::unique_lock<Mutex> await_resume() noexcept {
      return std::unique_lock<Mutex>{_mutex, std::adopt_lock};
    }
  };
};

inline Mutex::ScopedLockAwaiter Mutex::coScopedLock() noexcept {
  return ScopedLockAwaiter{*this};
}
inline Mutex::LockAwaiter Mutex::coLock() noexcept { return LockAwaiter{*this}; }

} // namespace coro
} // namespace async_simple
