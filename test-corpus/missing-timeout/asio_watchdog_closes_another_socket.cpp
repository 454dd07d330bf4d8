// Looks like a watchdog, but it closes the upstream socket, not the one the
// read waits on: the client read is still unbounded.
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> proxy(tcp::socket client, tcp::socket upstream) {
  asio::steady_timer watchdog(client.get_executor());
  watchdog.expires_after(30s);
  watchdog.async_wait([&upstream](boost::system::error_code ec) {
    if (!ec)
      upstream.close();
  });
  char data[64];
  co_await asio::async_read(client, asio::buffer(data), asio::use_awaitable); // expect-warning: missing-timeout {{or cancel 'client' from a watchdog timer}}
}
