// A session runs its reads beside a watchdog with Asio's `&&`: the watchdog
// sleeps until the session's deadline and then throws, and `&&` cancels the
// reads as soon as one side fails. Each request moves the deadline on, so an
// idle client is dropped. (Its twin, session_read_beside_a_pacing_delay.cpp,
// pairs the read with a delay that only returns.)
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

asio::awaitable<void> idle_watchdog(Clock::time_point &deadline) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  while (deadline > Clock::now()) {
    timer.expires_at(deadline);
    co_await timer.async_wait(asio::use_awaitable);
  }
  throw std::system_error(std::make_error_code(std::errc::timed_out));
}

asio::awaitable<void> session(tcp::socket client) {
  Clock::time_point deadline{};
  co_await (relay(client, deadline) && idle_watchdog(deadline));
}
