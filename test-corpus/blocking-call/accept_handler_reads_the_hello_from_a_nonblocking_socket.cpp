// expect-no-findings
// A line-protocol server reads each client's hello as soon as it accepts
// the connection: it puts the new socket in non-blocking mode and tries a
// read_some in the accept handler, which returns would_block at once when
// the client has said nothing yet (such clients get no greeting). Nothing
// waits on the loop thread. The twin,
// accept_handler_reads_the_hello_from_a_blocking_socket.cpp, reads from a
// blocking socket.
#include <boost/asio.hpp>
#include <array>
#include <cstdio>

namespace asio = boost::asio;
using asio::ip::tcp;

class hello_server {
public:
  hello_server(asio::io_context &io, unsigned short port)
      : acceptor_(io, tcp::endpoint(tcp::v4(), port)) {}

  void accept() {
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) {
      if (!ec)
        greet(socket);
      accept();
    });
  }

private:
  void greet(tcp::socket &socket) {
    socket.non_blocking(true);
    std::array<char, 64> hello;
    boost::system::error_code ec;
    std::size_t n = socket.read_some(asio::buffer(hello), ec);
    if (ec == asio::error::would_block)
      return;
    if (!ec)
      std::printf("hello: %.*s\n", static_cast<int>(n), hello.data());
  }

  tcp::acceptor acceptor_;
};

int main() {
  asio::io_context io;
  hello_server server(io, 7000);
  server.accept();
  io.run();
}
