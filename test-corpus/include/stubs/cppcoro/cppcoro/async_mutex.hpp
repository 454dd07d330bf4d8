// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/async_mutex.hpp.
#ifndef CPPCORO_ASYNC_MUTEX_HPP_INCLUDED
#define CPPCORO_ASYNC_MUTEX_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

#include <mutex> // std::adopt_lock_t

namespace cppcoro {

class async_mutex_lock;
class async_mutex_lock_operation;
class async_mutex_scoped_lock_operation;

class async_mutex {
public:
  async_mutex() noexcept;
  ~async_mutex();
  bool try_lock() noexcept;
  async_mutex_lock_operation lock_async() noexcept;
  async_mutex_scoped_lock_operation scoped_lock_async() noexcept;
  void unlock();
};

class async_mutex_lock {
public:
  explicit async_mutex_lock(async_mutex &mutex, std::adopt_lock_t) noexcept
      : m_mutex(&mutex) {}
  async_mutex_lock(async_mutex_lock &&other) noexcept : m_mutex(other.m_mutex) {
    other.m_mutex = nullptr;
  }
  async_mutex_lock(const async_mutex_lock &other) = delete;
  async_mutex_lock &operator=(const async_mutex_lock &other) = delete;
  ~async_mutex_lock() {
    if (m_mutex != nullptr)
      m_mutex->unlock();
  }

private:
  async_mutex *m_mutex;
};

class async_mutex_lock_operation {
public:
  explicit async_mutex_lock_operation(async_mutex &mutex) noexcept
      : m_mutex(mutex) {}
  bool await_ready() const noexcept { return false; }
  bool await_suspend(coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}

protected:
  async_mutex &m_mutex;
};

class async_mutex_scoped_lock_operation : public async_mutex_lock_operation {
public:
  using async_mutex_lock_operation::async_mutex_lock_operation;
  async_mutex_lock await_resume() const noexcept {
    return async_mutex_lock{m_mutex, std::adopt_lock};
  }
};

} // namespace cppcoro

#endif
