// A synchronous socket read in a timer completion handler, on real Asio.
#include <boost/asio.hpp>

namespace asio = boost::asio;

void arm(asio::steady_timer &timer, asio::ip::tcp::socket &socket) {
  timer.async_wait([&socket](boost::system::error_code) {
    char data[64];
    socket.read_some(asio::buffer(data)); // expect-warning: blocking-call {{'boost::asio::basic_stream_socket::read_some' blocks the event loop (reads a socket)}}
  });
}
