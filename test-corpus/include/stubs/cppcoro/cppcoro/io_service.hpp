// Stub of cppcoro for corolint's model name check (tests/CMakeLists.txt,
// models/cppcoro; test-corpus/models/cppcoro-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, member
// names and signatures of andreasbuhr/cppcoro (https://github.com/andreasbuhr/cppcoro,
// the maintained fork of lewissbaker/cppcoro) at commit
// b8e41b99a927eaabcfd073ae4c7b966c5859f866, include/cppcoro/io_service.hpp (the Linux branch).
#ifndef CPPCORO_IO_SERVICE_HPP_INCLUDED
#define CPPCORO_IO_SERVICE_HPP_INCLUDED
#pragma clang system_header

#include "cancellation_token.hpp"
#include "coroutine.hpp"

#include <chrono>
#include <cstdint>

namespace cppcoro {

class io_service {
public:
  class schedule_operation;
  class timed_schedule_operation;

  io_service();
  io_service(std::uint32_t concurrencyHint);
  ~io_service();
  io_service(io_service &&other) = delete;
  io_service(const io_service &other) = delete;

  [[nodiscard]] schedule_operation schedule() noexcept;

  template <typename REP, typename PERIOD>
  [[nodiscard]] timed_schedule_operation
  schedule_after(const std::chrono::duration<REP, PERIOD> &delay,
                 cancellation_token cancellationToken = {}) noexcept;

  std::uint64_t process_events();
  std::uint64_t process_pending_events();
  std::uint64_t process_one_event();
  std::uint64_t process_one_pending_event();

  void stop() noexcept;
  void reset();
  bool is_stop_requested() const noexcept;
  void notify_work_started() noexcept;
  void notify_work_finished() noexcept;
};

class io_service::schedule_operation {
public:
  schedule_operation(io_service &service) noexcept : m_service(service) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(coroutine_handle<> awaiter) noexcept;
  void await_resume() const noexcept {}

private:
  io_service &m_service;
};

class io_service::timed_schedule_operation {
public:
  timed_schedule_operation(io_service &service,
                           std::chrono::high_resolution_clock::time_point resumeTime,
                           cancellation_token cancellationToken) noexcept;
  timed_schedule_operation(timed_schedule_operation &&other) noexcept;
  ~timed_schedule_operation();
  bool await_ready() const noexcept;
  void await_suspend(coroutine_handle<> awaiter);
  void await_resume();
};

template <typename REP, typename PERIOD>
io_service::timed_schedule_operation
io_service::schedule_after(const std::chrono::duration<REP, PERIOD> &delay,
                           cancellation_token cancellationToken) noexcept {
  return timed_schedule_operation{
      *this, std::chrono::high_resolution_clock::now() + delay,
      cancellationToken};
}

} // namespace cppcoro

#endif
