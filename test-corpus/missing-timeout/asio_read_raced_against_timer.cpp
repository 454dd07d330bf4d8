// The same read, raced against a timer with Asio's awaitable operators: the
// timer wins if the peer goes quiet, and the read is cancelled.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

asio::awaitable<void> session(tcp::socket socket) {
  asio::steady_timer timer(socket.get_executor());
  char data[1024];
  for (;;) {
    timer.expires_after(30s);
    auto result = co_await (socket.async_read_some(asio::buffer(data), asio::use_awaitable) ||
                            timer.async_wait(asio::use_awaitable));
    if (result.index() == 1)
      co_return;
  }
}
