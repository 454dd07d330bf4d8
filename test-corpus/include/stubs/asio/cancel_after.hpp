// Stub of Asio's cancel_after and cancel_at completion tokens, which
// Boost.Asio has since 1.86 and standalone Asio since 1.31, for Boost 1.81,
// which this machine has. Written from the declarations in
// include/asio/cancel_after.hpp and cancel_at.hpp of chriskohlhoff/asio at
// 8806a6803cde7054c3049d3666d3ec36786568c5 (1.38.2): free functions of the
// library's namespace that take a duration (or a time point), optionally a
// timer first, and return a partial token that cancels the operation it is
// handed to once the time passes. Here they return use_awaitable, so that
// an operation handed one can be awaited; only the names and the argument
// positions matter to the model check and to the rules.
#pragma clang system_header

#include <boost/asio/cancellation_type.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

namespace boost::asio {

template <typename Rep, typename Period>
constexpr use_awaitable_t<>
cancel_after(const std::chrono::duration<Rep, Period> &timeout,
             cancellation_type_t = cancellation_type::terminal) {
  return use_awaitable;
}

template <typename Clock, typename Duration>
constexpr use_awaitable_t<>
cancel_at(const std::chrono::time_point<Clock, Duration> &expiry,
          cancellation_type_t = cancellation_type::terminal) {
  return use_awaitable;
}

} // namespace boost::asio
