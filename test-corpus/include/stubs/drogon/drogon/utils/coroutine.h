// Stub of drogon for corolint's model name check (tests/CMakeLists.txt,
// models/drogon; test-corpus/models/drogon-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, function
// names and signatures of drogonframework/drogon
// (https://github.com/drogonframework/drogon) at commit
// 74fc004c8dc8244fe3b6c56628601053b5a15c37, lib/inc/drogon/utils/coroutine.h.
#pragma once
#pragma clang system_header

#include <chrono>
#include <coroutine>
#include <exception>
#include "../../../trantor/trantor/net/EventLoop.h"

namespace drogon {

template <typename T = void> struct [[nodiscard]] Task {
  struct promise_type {
    Task<T> get_return_object();
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(const T &value);
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting);
  T await_resume();
};

template <> struct [[nodiscard]] Task<void> {
  struct promise_type {
    Task<> get_return_object();
    std::suspend_always initial_suspend() { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> awaiting);
  void await_resume();
};

namespace internal {

struct [[nodiscard]] TimerAwaiter {
  TimerAwaiter(trantor::EventLoop *loop,
               const std::chrono::duration<double> &delay);
  TimerAwaiter(trantor::EventLoop *loop, double delay);
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> handle);
  void await_resume() {}
};

} // namespace internal

template <typename Await> auto sync_wait(Await &&await) {
  return await.await_resume();
}

inline internal::TimerAwaiter
sleepCoro(trantor::EventLoop *loop,
          const std::chrono::duration<double> &delay) noexcept {
  return {loop, delay};
}

inline internal::TimerAwaiter sleepCoro(trantor::EventLoop *loop,
                                        double delay) noexcept {
  return {loop, delay};
}

template <typename Coro> void async_run(Coro &&coro) { (void)coro; }

} // namespace drogon
