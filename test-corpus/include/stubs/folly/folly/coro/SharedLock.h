// Stub of folly for corolint's model name check (tests/CMakeLists.txt,
// models/folly; test-corpus/models/folly-api.cpp). Written here, not copied:
// declarations only, with the namespaces, class templates, base classes that
// declare modelled members, member names and signatures of facebook/folly
// (https://github.com/facebook/folly) at commit
// ff98381ea68687a95c6185326db933aa6124d4c5,
// folly/coro/SharedLock.h.
#pragma once
#pragma clang system_header

#include <mutex>

namespace folly {
namespace coro {

namespace detail {

struct lock_policy_shared {};
struct lock_policy_upgrade {};

template <typename Mutex, typename Policy> class [[nodiscard]] LockBase {
public:
  LockBase() noexcept : mutex_(nullptr), locked_(false) {}
  explicit LockBase(Mutex &mutex, std::defer_lock_t) noexcept
      : mutex_(&mutex), locked_(false) {}
  explicit LockBase(Mutex &mutex, std::adopt_lock_t) noexcept
      : mutex_(&mutex), locked_(true) {}
  LockBase(LockBase &&other) noexcept;
  LockBase(const LockBase &) = delete;
  LockBase &operator=(const LockBase &) = delete;
  ~LockBase();
  LockBase &operator=(LockBase &&other) noexcept;

  Mutex *mutex() const noexcept { return mutex_; }
  Mutex *release() noexcept;
  bool owns_lock() const noexcept { return locked_; }
  explicit operator bool() const noexcept { return owns_lock(); }
  bool try_lock();
  void unlock();

protected:
  Mutex *mutex_;
  bool locked_;
};

} // namespace detail

template <typename Mutex>
class SharedLock : public detail::LockBase<Mutex, detail::lock_policy_shared> {
public:
  using detail::LockBase<Mutex, detail::lock_policy_shared>::LockBase;
};

template <typename Mutex>
class UpgradeLock : public detail::LockBase<Mutex, detail::lock_policy_upgrade> {
public:
  using detail::LockBase<Mutex, detail::lock_policy_upgrade>::LockBase;
};

} // namespace coro
} // namespace folly
