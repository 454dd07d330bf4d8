// A watchdog timer in the same scope closes the socket when it fires, which
// completes the pending read with operation_aborted: the read is bounded.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> session(tcp::socket socket) {
  asio::steady_timer watchdog(socket.get_executor());
  watchdog.expires_after(30s);
  watchdog.async_wait([&socket](boost::system::error_code ec) {
    if (!ec)
      socket.close();
  });
  char data[64];
  co_await asio::async_read(socket, asio::buffer(data), asio::use_awaitable);
  watchdog.cancel();
}
