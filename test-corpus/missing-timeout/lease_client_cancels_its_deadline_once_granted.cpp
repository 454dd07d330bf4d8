// A license client checks out a seat lease: it arms one deadline for the
// whole exchange, whose handler closes the socket, connects, sends the
// checkout request and reads the grant from the send's completion handler.
// It cancels the deadline when the grant has been read, so a license
// server that accepts and then says nothing has the socket closed and the
// read ends with an error. The twin,
// lease_client_cancels_its_deadline_once_connected.cpp, cancels it as soon
// as the connection is made.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

class LeaseClient {
public:
  LeaseClient(asio::io_context &io, tcp::endpoint server)
      : socket_(io), deadline_(io), server_(server) {}

  void checkout(const std::string &product) {
    request_ = "CHECKOUT " + product + "\n";
    deadline_.expires_after(std::chrono::seconds(5));
    deadline_.async_wait([this](error_code ec) {
      if (!ec)
        socket_.close();
    });
    socket_.async_connect(server_, [this](error_code ec) { on_connected(ec); });
  }

private:
  void on_connected(error_code ec) {
    if (ec)
      return report("cannot reach the license server");
    asio::async_write(socket_, asio::buffer(request_),
                      [this](error_code ec, std::size_t) {
                        if (!ec)
                          read_grant();
                      });
  }

  void read_grant() {
    asio::async_read_until(
        socket_, asio::dynamic_buffer(grant_), '\n',
        [this](error_code ec, std::size_t) {
          deadline_.cancel();
          report(ec ? "no grant" : grant_.c_str());
        });
  }

  void report(const char *what) { std::printf("lease: %s\n", what); }

  tcp::socket socket_;
  asio::steady_timer deadline_;
  tcp::endpoint server_;
  std::string request_;
  std::string grant_;
};

int main() {
  asio::io_context io;
  LeaseClient client(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 27000));
  client.checkout("cad-suite");
  io.run();
}
