// As session_read_beside_a_watchdog_that_throws.cpp, but the watchdog fails
// through a [[noreturn]] helper that throws for it: `&&` still cancels the
// reads once the deadline passes.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>
#include <system_error>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

asio::awaitable<void> relay(tcp::socket &client, Clock::time_point &deadline) {
  char line[256];
  for (;;) {
    deadline = Clock::now() + 20s;
    std::size_t n = co_await client.async_read_some(asio::buffer(line),
                                                    asio::use_awaitable);
    co_await asio::async_write(client, asio::buffer(line, n),
                               asio::use_awaitable);
  }
}

[[noreturn]] void fail_timed_out() {
  throw std::system_error(std::make_error_code(std::errc::timed_out));
}

asio::awaitable<void> idle_watchdog(Clock::time_point &deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (deadline > Clock::now()) {
    timer.expires_at(deadline);
    co_await timer.async_wait(asio::use_awaitable);
  }
  fail_timed_out();
}

asio::awaitable<void> session(tcp::socket client) {
  Clock::time_point deadline{};
  co_await (relay(client, deadline) && idle_watchdog(deadline));
}
