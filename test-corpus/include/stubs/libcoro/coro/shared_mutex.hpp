// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/shared_mutex.hpp.
#pragma once
#pragma clang system_header

#include "mutex.hpp"
#include "task.hpp"

#include <memory>

namespace coro {

template <typename executor_type> class shared_mutex {
public:
  explicit shared_mutex(std::unique_ptr<executor_type> &e) : m_executor(e.get()) {}
  ~shared_mutex() = default;
  shared_mutex(const shared_mutex &) = delete;
  shared_mutex(shared_mutex &&) = delete;

  [[nodiscard]] auto scoped_lock_shared(coro::task<void> scoped_task) -> coro::task<void>;
  [[nodiscard]] auto scoped_lock(coro::task<void> scoped_task) -> coro::task<void>;
  [[nodiscard]] auto lock_shared() -> coro::task<void>;
  [[nodiscard]] auto lock() -> coro::task<void>;
  [[nodiscard]] auto try_lock_shared() -> bool;
  [[nodiscard]] auto try_lock() -> bool;
  [[nodiscard]] auto unlock_shared() -> coro::task<void>;
  [[nodiscard]] auto unlock() -> coro::task<void>;
  [[nodiscard]] auto executor() -> executor_type & { return *m_executor; }

private:
  executor_type *m_executor;
};

} // namespace coro
