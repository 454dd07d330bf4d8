// Stub of Seastar for corolint's model name check (tests/CMakeLists.txt,
// models/seastar; test-corpus/models/seastar-api.cpp). Written here, not
// copied: declarations only, with the namespaces, class templates, base
// classes that declare modelled members, member names and signatures of
// scylladb/seastar (https://github.com/scylladb/seastar) at commit
// 525fcc86ecd275b1c89a1c3f359693704c953a98 (seastar-25.05.0-1175-g525fcc86e,
// SEASTAR_API_LEVEL 9), include/seastar/core/sleep.hh (the abort_source overload left out).
#pragma once
#pragma clang system_header

#include "future.hh"
#include "timer.hh"

#include <chrono>

namespace seastar {

template <typename Clock = steady_clock_type, typename Rep, typename Period>
future<> sleep(std::chrono::duration<Rep, Period> dur);

template <typename Clock = steady_clock_type>
future<> sleep_abortable(typename Clock::duration dur);

extern template future<> sleep_abortable<steady_clock_type>(typename steady_clock_type::duration);

} // namespace seastar
