// The classic Asio deadline pattern: a member timer whose handler closes the
// member socket. The watchdog lives in another member function.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

class Session {
public:
  explicit Session(tcp::socket s) : socket_(std::move(s)), deadline_(socket_.get_executor()) {}

  void arm_deadline() {
    deadline_.expires_after(30s);
    deadline_.async_wait([this](boost::system::error_code ec) { on_deadline(ec); });
  }

  asio::awaitable<void> run() {
    arm_deadline();
    char data[64];
    co_await socket_.async_read_some(asio::buffer(data), asio::use_awaitable);
  }

private:
  void on_deadline(boost::system::error_code ec) {
    if (!ec)
      socket_.close();
  }

  tcp::socket socket_;
  asio::steady_timer deadline_;
};
