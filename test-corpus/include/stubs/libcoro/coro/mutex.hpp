// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/mutex.hpp.
#pragma once
#pragma clang system_header

#include <coroutine>

namespace coro {

class mutex;
class scoped_lock;
class condition_variable;

namespace detail {

struct lock_operation_base {
  explicit lock_operation_base(coro::mutex &m) : m_mutex(m) {}
  virtual ~lock_operation_base() = default;
  lock_operation_base(const lock_operation_base &) = delete;
  lock_operation_base(lock_operation_base &&) = delete;
  auto await_ready() const noexcept -> bool;
  auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;

protected:
  coro::mutex &m_mutex;
};

template <typename return_type>
struct lock_operation : public lock_operation_base {
  explicit lock_operation(coro::mutex &m) : lock_operation_base(m) {}
  ~lock_operation() override = default;
  auto await_resume() noexcept -> return_type;
};

} // namespace detail

class scoped_lock {
  friend class coro::mutex;
  friend class coro::condition_variable;

public:
  enum class lock_strategy { adopt };

  explicit scoped_lock(class coro::mutex &m,
                       lock_strategy strategy = lock_strategy::adopt)
      : m_mutex(&m) {}
  ~scoped_lock();
  scoped_lock(const scoped_lock &) = delete;
  scoped_lock(scoped_lock &&other) noexcept;
  auto operator=(const scoped_lock &) -> scoped_lock & = delete;
  auto operator=(scoped_lock &&other) noexcept -> scoped_lock &;

  auto unlock() -> void;

private:
  class coro::mutex *m_mutex{nullptr};
};

class mutex {
public:
  explicit mutex() noexcept {}
  ~mutex() = default;
  mutex(const mutex &) = delete;
  mutex(mutex &&) = delete;
  auto operator=(const mutex &) -> mutex & = delete;
  auto operator=(mutex &&) -> mutex & = delete;

  [[nodiscard]] auto scoped_lock() -> detail::lock_operation<coro::scoped_lock> {
    return detail::lock_operation<coro::scoped_lock>{*this};
  }
  [[nodiscard]] auto lock() -> detail::lock_operation<void> {
    return detail::lock_operation<void>{*this};
  }
  [[nodiscard]] auto try_lock() -> bool;
  auto unlock() -> void;
};

} // namespace coro
