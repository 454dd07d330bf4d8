// The twin of asio_reader_stops_its_server_on_a_read_error.cpp: on a read
// error the handler only stops the io_context; run() returns and the io
// thread ends, and the owner's stop() joins it from the owner's thread.
// expect-no-findings
#include <array>
#include <boost/asio.hpp>
#include <thread>

namespace asio = boost::asio;

class feed_server {
public:
  void start() {
    read_next();
    io_thread_ = std::thread([this] { io_.run(); });
  }

  void stop() {
    io_.stop();
    if (io_thread_.joinable())
      io_thread_.join();
  }

private:
  void read_next() {
    socket_.async_read_some(asio::buffer(frame_),
                            [this](boost::system::error_code ec, std::size_t) {
                              on_read(ec);
                            });
  }

  void on_read(boost::system::error_code ec) {
    if (ec)
      io_.stop();
    else
      read_next();
  }

  asio::io_context io_;
  asio::ip::tcp::socket socket_{io_};
  std::array<char, 512> frame_;
  std::thread io_thread_;
};

int main() {
  feed_server server;
  server.start();
  server.stop();
}
