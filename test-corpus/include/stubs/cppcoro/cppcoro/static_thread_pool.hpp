// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, member names and
// signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro)
// at commit b8e41b99a927eaabcfd073ae4c7b966c5859f866,
// include/cppcoro/static_thread_pool.hpp.
#ifndef CPPCORO_STATIC_THREAD_POOL_HPP_INCLUDED
#define CPPCORO_STATIC_THREAD_POOL_HPP_INCLUDED
#pragma clang system_header

#include "coroutine.hpp"

#include <cstdint>

namespace cppcoro {

class static_thread_pool {
public:
  static_thread_pool();
  explicit static_thread_pool(std::uint32_t threadCount);
  ~static_thread_pool();

  class schedule_operation {
  public:
    schedule_operation(static_thread_pool *tp) noexcept;
    bool await_ready() noexcept;
    void await_suspend(cppcoro::coroutine_handle<> awaitingCoroutine) noexcept;
    void await_resume() noexcept;
  };

  std::uint32_t thread_count() const noexcept;
  [[nodiscard]] schedule_operation schedule() noexcept;
};

} // namespace cppcoro

#endif
