// A throttling proxy joins its transfer with a token ticker through Asio's
// `&&`. The ticker sleeps between tokens for ever and never fails, so `&&`
// never cancels the transfer for it: a client that stops sending parks the
// read for ever. (Its twin, session_read_beside_a_watchdog_that_throws.cpp,
// joins the reads with a watchdog that throws.)
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

asio::awaitable<void> tick_tokens(int &tokens) {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  for (;;) {
    ++tokens;
    timer.expires_after(100ms);
    co_await timer.async_wait(asio::use_awaitable);
  }
}

asio::awaitable<void> forward(tcp::socket &from, tcp::socket &to, int &tokens) {
  char chunk[4096];
  for (;;) {
    std::size_t n = co_await from.async_read_some(asio::buffer(chunk), // expect-warning: missing-timeout {{waits for a peer with no deadline}}
                                                  asio::use_awaitable);
    co_await asio::async_write(to, asio::buffer(chunk, n), // expect-warning: missing-timeout {{waits for a peer with no deadline}}
                               asio::use_awaitable);
    --tokens;
  }
}

asio::awaitable<void> proxy(tcp::socket client, tcp::socket server) {
  int tokens = 0;
  co_await (tick_tokens(tokens) && forward(client, server, tokens));
}
