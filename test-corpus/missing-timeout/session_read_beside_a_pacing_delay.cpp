// A session answers each request no faster than once per 100 ms: it awaits
// the reply with Asio's `&&` beside a delay that only returns. `&&` waits
// for both, so the delay bounds nothing, and a client that sends nothing
// parks the session for ever. (Its twin,
// session_read_beside_a_watchdog_that_throws.cpp, pairs the reads with a
// watchdog that throws.)
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

asio::awaitable<void> answer_one(tcp::socket &client) {
  char line[256];
  std::size_t n = co_await client.async_read_some(asio::buffer(line), // expect-warning: missing-timeout {{waits for a peer with no deadline}}
                                                  asio::use_awaitable);
  co_await asio::async_write(client, asio::buffer(line, n), // expect-warning: missing-timeout {{waits for a peer with no deadline}}
                             asio::use_awaitable);
}

asio::awaitable<void> pace() {
  asio::steady_timer timer(co_await asio::this_coro::executor, 100ms);
  co_await timer.async_wait(asio::use_awaitable);
}

asio::awaitable<void> session(tcp::socket client) {
  for (;;)
    co_await (answer_one(client) && pace());
}
