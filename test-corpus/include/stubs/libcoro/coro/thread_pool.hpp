// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/thread_pool.hpp.
#pragma once
#pragma clang system_header

#include "task.hpp"

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>

namespace coro {

class thread_pool {
  struct private_constructor {
    explicit private_constructor() = default;
  };

public:
  class schedule_operation {
    friend class thread_pool;
    explicit schedule_operation(thread_pool &tp) noexcept;

  public:
    auto await_ready() noexcept -> bool { return false; }
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> void;
    auto await_resume() noexcept -> void {}
  };

  struct options {
    std::uint32_t thread_count = 1;
    std::function<void(std::size_t)> on_thread_start_functor = nullptr;
    std::function<void(std::size_t)> on_thread_stop_functor = nullptr;
  };

  explicit thread_pool(options &&opts, private_constructor);
  static auto make_unique(options opts = options{.thread_count = 1,
                                                 .on_thread_start_functor = nullptr,
                                                 .on_thread_stop_functor = nullptr})
      -> std::unique_ptr<thread_pool>;
  thread_pool(const thread_pool &) = delete;
  thread_pool(thread_pool &&) = delete;
  virtual ~thread_pool();

  [[nodiscard]] auto schedule() -> schedule_operation;
  auto spawn_detached(coro::task<void> &&task) noexcept -> bool;
  auto spawn_joinable(coro::task<void> &&task) noexcept -> coro::task<void>;
  auto resume(std::coroutine_handle<> handle) noexcept -> bool;
  [[nodiscard]] auto yield() -> schedule_operation { return schedule(); }
  auto shutdown() noexcept -> void;
  [[nodiscard]] auto is_shutdown() const -> bool;
  auto size() const noexcept -> std::size_t;
  auto empty() const noexcept -> bool { return size() == 0; }
};

} // namespace coro
