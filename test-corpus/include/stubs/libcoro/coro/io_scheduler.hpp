// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the member names and signatures of
// coro::io_scheduler in jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at tag v0.15.0 (commit c52f4aa), include/coro/io_scheduler.hpp (default
// arguments and the options other than the pool left out). libcoro
// renamed the class coro::scheduler after v0.15; code written against the
// older releases still spells io_scheduler, so the model keeps both names.
// timeout_status, which v0.15.0 declares in this header, comes from the
// newer stub's scheduler.hpp so that both stubs can be included together.
#pragma once
#pragma clang system_header

#include "scheduler.hpp"
#include "task.hpp"
#include "thread_pool.hpp"

#include <chrono>
#include <coroutine>
#include <cstddef>
#include <memory>

namespace coro {

class io_scheduler : public std::enable_shared_from_this<io_scheduler> {
  struct private_constructor {
    private_constructor() = default;
  };

public:
  class schedule_operation;

  struct options {
    thread_pool::options pool;
  };

  explicit io_scheduler(options &&opts, private_constructor);
  static auto make_shared(options opts) -> std::shared_ptr<io_scheduler>;
  io_scheduler(const io_scheduler &) = delete;
  io_scheduler(io_scheduler &&) = delete;
  virtual ~io_scheduler();

  auto process_events(std::chrono::milliseconds timeout = std::chrono::milliseconds{0})
      -> std::size_t;

  class schedule_operation {
    friend class io_scheduler;
    explicit schedule_operation(io_scheduler &scheduler) noexcept : m_scheduler(scheduler) {}

  public:
    auto await_ready() noexcept -> bool { return false; }
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> void;
    auto await_resume() noexcept -> void {}

  private:
    io_scheduler &m_scheduler;
  };

  auto schedule() -> schedule_operation { return schedule_operation{*this}; }
  auto spawn(coro::task<void> &&task) -> bool;
  template <typename return_type>
  [[nodiscard]] auto schedule(coro::task<return_type> task) -> coro::task<return_type>;
  template <class rep_type, class period_type>
  [[nodiscard]] auto schedule_after(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  [[nodiscard]] auto schedule_at(time_point time) -> coro::task<void>;
  [[nodiscard]] auto yield() -> schedule_operation { return schedule_operation{*this}; }
  template <class rep_type, class period_type>
  [[nodiscard]] auto yield_for(std::chrono::duration<rep_type, period_type> amount)
      -> coro::task<void>;
  [[nodiscard]] auto yield_until(time_point time) -> coro::task<void>;

  auto size() const noexcept -> std::size_t;
  auto empty() const noexcept -> bool { return size() == 0; }
  auto shutdown() noexcept -> void;
};

} // namespace coro
