// A load balancer's status probe connects to a backend, writes "STATUS\n"
// and reads the answer from the write's completion handler. A deadline
// timer armed with the request closes the socket if no answer has come:
// the read then completes with an error and the probe reports the backend
// sick. The twin of status_probe_reads_the_reply_without_deadline.cpp.
// expect-no-findings
#include <boost/asio.hpp>
#include <functional>
#include <memory>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

class status_probe {
public:
  status_probe(asio::io_context &io, tcp::endpoint backend)
      : socket_(io), deadline_(io), backend_(backend) {}

  void start() {
    socket_.async_connect(backend_, [this](error_code ec) {
      if (!ec)
        send_request();
    });
  }

private:
  void send_request() {
    deadline_.expires_after(std::chrono::seconds(2));
    deadline_.async_wait([this](error_code ec) {
      if (!ec)
        socket_.close();
    });
    asio::async_write(socket_, asio::buffer(request_),
                      std::bind(&status_probe::on_sent, this,
                                std::placeholders::_1));
  }

  void on_sent(error_code ec) {
    if (ec)
      return;
    asio::async_read_until(
        socket_, asio::dynamic_buffer(answer_), '\n',
        [this](error_code ec, std::size_t) {
          if (!ec)
            read_details();
        });
  }

  void read_details() {
    asio::async_read_until(socket_, asio::dynamic_buffer(answer_), "\n\n",
                           [this](error_code, std::size_t) {
                             deadline_.cancel();
                           });
  }

  tcp::socket socket_;
  asio::steady_timer deadline_;
  tcp::endpoint backend_;
  std::string request_ = "STATUS\n";
  std::string answer_;
};

class backend_session : public std::enable_shared_from_this<backend_session> {
public:
  explicit backend_session(tcp::socket socket) : socket_(std::move(socket)) {}
  void start() { read_request(); }

private:
  void read_request() {
    auto self = shared_from_this();
    asio::async_read_until(socket_, asio::dynamic_buffer(request_), '\n',
                           [this, self](error_code ec, std::size_t) {
                             if (!ec)
                               answer();
                           });
  }
  void answer() {
    auto self = shared_from_this();
    asio::async_write(socket_, asio::buffer(status_),
                      [this, self](error_code ec, std::size_t) {
                        if (!ec)
                          read_request();
                      });
  }

  tcp::socket socket_;
  std::string request_;
  std::string status_ = "OK\n\n";
};

void serve(tcp::acceptor &acceptor) {
  acceptor.async_accept([&acceptor](error_code ec, tcp::socket socket) {
    if (!ec)
      std::make_shared<backend_session>(std::move(socket))->start();
    serve(acceptor);
  });
}

int main() {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(tcp::v4(), 0));
  serve(acceptor);
  status_probe probe(io, acceptor.local_endpoint());
  probe.start();
  io.run();
}
