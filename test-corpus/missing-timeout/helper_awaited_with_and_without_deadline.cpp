// One caller bounds the helper with a race, the other awaits it bare: the
// read inside the helper is unbounded on the second path.
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
  co_return co_await asio::async_read(s, asio::buffer(buf), asio::use_awaitable); // expect-warning: missing-timeout {{cancel 's' from a watchdog timer}}
}

asio::awaitable<void> bounded(tcp::socket socket) {
  char header[64];
  co_await (read_header(socket, header) || timeout(10s));
}

asio::awaitable<void> unbounded(tcp::socket socket) {
  char header[64];
  co_await read_header(socket, header);
}
