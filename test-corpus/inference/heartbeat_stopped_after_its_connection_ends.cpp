// A connection races its reads against a heartbeat that writes a ping every
// few seconds until it is stopped: the heartbeat's timer is re-armed with a
// duration on each round, so it wakes the loop by itself and is no gate
// that only stop() opens. Stopping it after the race is no wait for itself.
// (The gate this looks like: timer_gates_wait_on_each_other.cpp.)
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

class Pinger {
public:
  explicit Pinger(asio::any_io_executor ex) : timer_(ex) {}

  asio::awaitable<void> run(tcp::socket &peer) {
    while (!stopped_) {
      timer_.expires_after(5s);
      boost::system::error_code ec;
      co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      co_await asio::async_write(peer, asio::buffer("ping\n", 5),
                                 asio::use_awaitable);
    }
  }

  void stop() {
    stopped_ = true;
    timer_.cancel();
  }

private:
  asio::steady_timer timer_;
  bool stopped_ = false;
};

class Link {
public:
  explicit Link(tcp::socket s) : peer_(std::move(s)), pinger_(peer_.get_executor()) {}

  asio::awaitable<void> serve() {
    co_await (drain() || pinger_.run(peer_));
    pinger_.stop();
  }

private:
  asio::awaitable<void> drain() {
    char buf[256];
    asio::steady_timer idle(peer_.get_executor(), 30s);
    co_await (peer_.async_read_some(asio::buffer(buf), asio::use_awaitable) ||
              idle.async_wait(asio::use_awaitable));
  }

  tcp::socket peer_;
  Pinger pinger_;
};
