// An accept loop waits for the next client by design (no peer can hold it),
// and a read with a completion handler is not an await: neither is reported.
// expect-no-findings
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> listener(tcp::acceptor acceptor) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    socket.close();
  }
}

void start_read(tcp::socket &socket, char (&buf)[64]) {
  socket.async_read_some(asio::buffer(buf), [](boost::system::error_code, std::size_t) {});
}
