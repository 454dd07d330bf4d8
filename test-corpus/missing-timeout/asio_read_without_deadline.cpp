// A session reads from its peer with no deadline: a client that connects and
// goes quiet keeps this coroutine (and its socket and buffer) forever.
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> session(tcp::socket socket) {
  char data[1024];
  for (;;) {
    std::size_t n = co_await socket.async_read_some(asio::buffer(data), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::basic_stream_socket::async_read_some' waits for a peer with no deadline: if the other side stops answering, this coroutine never resumes; race it against a timer, wrap it in a timeout, or cancel 'socket' from a watchdog timer}}
    co_await asio::async_write(socket, asio::buffer(data, n), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::async_write' waits for a peer with no deadline}}
  }
}
