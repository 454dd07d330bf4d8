// Stub of libcoro for corolint's model name check (tests/CMakeLists.txt,
// models/libcoro; test-corpus/models/libcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names, access and signatures of jbaldwin/libcoro (https://github.com/jbaldwin/libcoro)
// at commit 277467ffdee1d7f04e93c6b4c72689c6c743f567 (v0.16.0-4-g277467f),
// include/coro/condition_variable.hpp (its awaiter types only
// named, not their bases).
#pragma once
#pragma clang system_header

#include "mutex.hpp"
#include "task.hpp"

#include <chrono>
#include <condition_variable> // std::cv_status
#include <functional>
#include <memory>
#include <stop_token>

namespace coro {

class condition_variable {
public:
  using predicate_type = std::function<bool()>;

private:
  struct awaiter {
    awaiter(coro::condition_variable &cv, coro::scoped_lock &l) noexcept;
    auto await_ready() const noexcept -> bool;
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;
    auto await_resume() noexcept {}
  };
  struct awaiter_with_predicate {
    awaiter_with_predicate(coro::condition_variable &cv, coro::scoped_lock &l,
                           predicate_type p) noexcept;
    auto await_ready() const noexcept -> bool;
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;
    auto await_resume() noexcept {}
  };
  template <typename io_executor_type, typename return_type>
  struct awaiter_with_wait {
    auto await_ready() noexcept -> bool;
    auto await_suspend(std::coroutine_handle<> awaiting_coroutine) noexcept -> bool;
    auto await_resume() noexcept -> return_type;
  };

public:
  condition_variable() = default;
  ~condition_variable() = default;
  condition_variable(const condition_variable &) = delete;
  condition_variable(condition_variable &&) = delete;

  auto notify_one() -> coro::task<void>;
  template <typename executor_type>
  auto notify_one(std::unique_ptr<executor_type> &executor) -> void;
  auto notify_all() -> coro::task<void>;
  template <typename executor_type>
  auto notify_all(std::unique_ptr<executor_type> &executor) -> void;

  [[nodiscard]] auto wait(coro::scoped_lock &lock) -> awaiter;
  [[nodiscard]] auto wait(coro::scoped_lock &lock, predicate_type predicate)
      -> awaiter_with_predicate;

  template <typename io_executor_type, class rep_type, class period_type>
  [[nodiscard]] auto
  wait_for(std::unique_ptr<io_executor_type> &executor, coro::scoped_lock &lock,
           const std::chrono::duration<rep_type, period_type> wait_for)
      -> awaiter_with_wait<io_executor_type, std::cv_status>;
  template <typename io_executor_type, class rep_type, class period_type>
  [[nodiscard]] auto
  wait_for(std::unique_ptr<io_executor_type> &executor, coro::scoped_lock &lock,
           const std::chrono::duration<rep_type, period_type> wait_for,
           predicate_type predicate) -> awaiter_with_wait<io_executor_type, bool>;

  template <typename io_executor_type, class clock_type, class duration_type>
  auto wait_until(std::unique_ptr<io_executor_type> &executor,
                  coro::scoped_lock &lock,
                  const std::chrono::time_point<clock_type, duration_type> wait_until_time)
      -> awaiter_with_wait<io_executor_type, std::cv_status>;
  template <typename io_executor_type, class clock_type, class duration_type>
  auto wait_until(std::unique_ptr<io_executor_type> &executor,
                  coro::scoped_lock &lock,
                  const std::chrono::time_point<clock_type, duration_type> wait_until_time,
                  predicate_type predicate) -> awaiter_with_wait<io_executor_type, bool>;
};

} // namespace coro
