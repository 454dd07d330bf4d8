// A market-data server runs its io_context on a thread of its own. When a
// read fails, the read handler calls stop(), the member the owner calls at
// exit, which joins the io thread: the handler runs on that very thread.
#include <array>
#include <boost/asio.hpp>
#include <thread>

namespace asio = boost::asio;

class feed_server {
public:
  void start() {
    read_next();
    io_thread_ = std::thread([this] { io_.run(); }); // expect-path: wait-cycle {{'std::thread::thread' starts a thread here}}
  }

  void stop() {
    io_.stop();
    if (io_thread_.joinable())
      io_thread_.join(); // expect-warning: wait-cycle {{possible deadlock: 'feed_server::stop', called by '(lambda at asio_reader_stops_its_server_on_a_read_error.cpp:26:29)', a callback of the event loop ('boost::asio::io_context::run') on the thread that 'std::thread::thread' starts, joins 'feed_server::io_thread_', which holds that thread}}
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
      stop(); // expect-path: wait-cycle {{calls 'feed_server::stop' on that thread}} expect-warning: blocking-call {{call to 'feed_server::stop' reaches 'std::thread::join', which blocks the event loop (waits for a thread to finish)}}
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
