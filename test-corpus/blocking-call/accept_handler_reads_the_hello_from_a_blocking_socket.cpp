// A line-protocol server reads each client's hello as soon as it accepts
// the connection, with a synchronous read_some on the new socket, in the
// accept handler (Asio's move-accept form, whose handler is handed the
// socket). The handler runs on the loop thread: a client that connects and
// says nothing stalls every other connection. The twin,
// accept_handler_reads_the_hello_from_a_nonblocking_socket.cpp, puts the
// socket in non-blocking mode first.
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
    acceptor_.async_accept([this](boost::system::error_code ec, tcp::socket socket) { // expect-path: blocking-call {{is handed to the event loop here}}
      if (!ec)
        greet(socket);
      accept();
    });
  }

private:
  void greet(tcp::socket &socket) {
    std::array<char, 64> hello;
    boost::system::error_code ec;
    std::size_t n = socket.read_some(asio::buffer(hello), ec); // expect-warning: blocking-call {{blocks the event loop (reads a socket)}}
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
