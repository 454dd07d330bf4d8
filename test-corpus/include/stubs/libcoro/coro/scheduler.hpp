// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/scheduler.hpp.
#pragma once
#pragma clang system_header

#include "expected.hpp"
#include "task.hpp"
#include "thread_pool.hpp"
#include "time.hpp"

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <stop_token>

namespace coro {

enum timeout_status { no_timeout, timeout };

class scheduler {
  struct private_constructor {
    explicit private_constructor() = default;
  };

public:
  class schedule_operation;

  enum class thread_strategy_t { spawn, manual };
  enum class execution_strategy_t { process_tasks_on_thread_pool, process_tasks_inline };

  struct options {
    thread_strategy_t thread_strategy{thread_strategy_t::spawn};
    std::function<void()> on_io_thread_start_functor{nullptr};
    std::function<void()> on_io_thread_stop_functor{nullptr};
    thread_pool::options pool{};
    execution_strategy_t execution_strategy{execution_strategy_t::process_tasks_on_thread_pool};
  };

  explicit scheduler(options &&opts, private_constructor);
  static auto make_unique(
      options opts = options{
          .thread_strategy = thread_strategy_t::spawn,
          .on_io_thread_start_functor = nullptr,
          .on_io_thread_stop_functor = nullptr,
          .pool = {.thread_count = 1, .on_thread_start_functor = nullptr, .on_thread_stop_functor = nullptr},
          .execution_strategy = execution_strategy_t::process_tasks_on_thread_pool})
      -> std::unique_ptr<scheduler>;
  scheduler(const scheduler &) = delete;
  scheduler(scheduler &&) = delete;
  virtual ~scheduler();

  auto process_events(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> std::size_t;

  class schedule_operation {
    friend class scheduler;
    explicit schedule_operation(scheduler &scheduler) noexcept : m_scheduler(scheduler) {}

  public:
    auto await_ready() noexcept -> bool { return false; }
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> void;
    auto await_resume() noexcept -> void {}

  private:
    scheduler &m_scheduler;
  };

  auto schedule() -> schedule_operation { return schedule_operation{*this}; }
  auto spawn_detached(coro::task<void> &&task) -> bool;
  auto spawn_joinable(coro::task<void> &&task) -> coro::task<void>;
  template <typename return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type>;
  template <typename return_type, typename rep, typename period>
  [[nodiscard]] auto schedule(coro::task<return_type> task,
                              std::chrono::duration<rep, period> timeout)
      -> coro::task<coro::expected<return_type, timeout_status>>;
  template <typename return_type, typename rep, typename period>
  [[nodiscard]] auto schedule(std::stop_source stop_source,
                              coro::task<return_type> task,
                              std::chrono::duration<rep, period> timeout)
      -> coro::task<coro::expected<return_type, timeout_status>>;

  template <class rep_type, class period_type>
  [[nodiscard]] auto schedule_after(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  [[nodiscard]] auto schedule_at(time_point time) -> coro::task<void>;
  [[nodiscard]] auto yield() -> schedule_operation { return schedule_operation{*this}; }
  template <class rep_type, class period_type>
  [[nodiscard]] auto yield_for(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  [[nodiscard]] auto yield_until(time_point time) -> coro::task<void>;

  auto resume(std::coroutine_handle<> handle) -> bool;
  auto size() const noexcept -> std::size_t;
  auto empty() const noexcept -> bool { return size() == 0; }
  auto shutdown() noexcept -> void;
  [[nodiscard]] auto is_shutdown() const -> bool;
};

} // namespace coro
