// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/timer.hh (the scheduling_group overloads left out).
#pragma once
#pragma clang system_header

#include "../util/noncopyable_function.hh"

#include <chrono>
#include <optional>

namespace seastar {

using steady_clock_type = std::chrono::steady_clock;

template <typename Clock = steady_clock_type> class timer {
public:
  using clock = Clock;
  using time_point = typename Clock::time_point;
  using duration = typename Clock::duration;

  timer() noexcept {}
  timer(timer &&t) noexcept;
  explicit timer(noncopyable_function<void()> &&callback) noexcept;
  ~timer();

  void set_callback(noncopyable_function<void()> &&callback) noexcept;
  void arm(time_point until, std::optional<duration> period = {}) noexcept;
  void rearm(time_point until, std::optional<duration> period = {}) noexcept;
  void arm(duration delta) noexcept;
  void arm_periodic(duration delta) noexcept;
  bool armed() const noexcept;
  bool cancel() noexcept;
};

} // namespace seastar
