// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/condition-variable.hh (the awaiters' timer bases
// left out).
#pragma once
#pragma clang system_header

#include "future.hh"
#include "timer.hh"

#include <chrono>
#include <coroutine>
#include <exception>

namespace seastar {

class broken_condition_variable : public std::exception {
public:
  const char *what() const noexcept override;
};

class condition_variable {
  struct waiter {};
  struct [[nodiscard("must co_await a when() call")]] awaiter : public waiter {
    condition_variable *_cv;
    explicit awaiter(condition_variable *cv) noexcept : _cv(cv) {}
    bool await_ready() const;
    template <typename U> void await_suspend(std::coroutine_handle<U> h);
    void await_resume();
  };

public:
  condition_variable() noexcept = default;
  condition_variable(condition_variable &&rhs) noexcept = default;
  ~condition_variable();

  future<> wait() noexcept;
  template <typename Clock = steady_clock_type, typename Duration = typename Clock::duration>
  future<> wait(std::chrono::time_point<Clock, Duration> timeout) noexcept;
  template <typename Rep, typename Period>
  future<> wait(std::chrono::duration<Rep, Period> timeout) noexcept;
  template <typename Pred>
  requires std::is_invocable_r_v<bool, Pred>
  future<> wait(Pred &&pred) noexcept {
    (void)pred;
    return wait();
  }

  awaiter when() noexcept { return awaiter{this}; }
  template <typename Pred>
  requires std::is_invocable_r_v<bool, Pred>
  awaiter when(Pred &&pred) noexcept {
    (void)pred;
    return awaiter{this};
  }

  bool has_waiters() const noexcept;
  void signal() noexcept;
  void broadcast() noexcept;
  void broken() noexcept;
  void broken(std::exception_ptr) noexcept;
};

} // namespace seastar
