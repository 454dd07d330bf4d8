// The race partner is the project's own coroutine that waits on a timer; the
// helper that reads is only ever awaited under that race, so the caller's
// deadline covers the read inside it.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

asio::awaitable<void> timeout(std::chrono::steady_clock::duration d) {
  asio::steady_timer t(co_await asio::this_coro::executor);
  t.expires_after(d);
  co_await t.async_wait(asio::use_awaitable);
}

asio::awaitable<std::size_t> read_header(tcp::socket &s, char (&buf)[64]) {
  co_return co_await asio::async_read(s, asio::buffer(buf), asio::use_awaitable);
}

asio::awaitable<void> session(tcp::socket socket) {
  char header[64];
  auto result = co_await (read_header(socket, header) || timeout(10s));
  if (result.index() == 1)
    co_return;
}
