// Two coroutines on one io_context meet at gates built on Asio timers that
// never expire, as in timer_gates_wait_on_each_other.cpp, but the migrator
// gives up on the warmer's gate after a timeout and opens its own anyway:
// the race bounds its wait, so there is no cycle.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

namespace asio = boost::asio;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

class StartGate {
public:
  explicit StartGate(asio::any_io_executor ex)
      : timer_(ex, asio::steady_timer::time_point::max()) {}

  asio::awaitable<void> passed() {
    while (!open_) {
      boost::system::error_code ec;
      co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
  }

  void open() {
    open_ = true;
    timer_.cancel();
  }

private:
  asio::steady_timer timer_;
  bool open_ = false;
};

class Rollout {
public:
  explicit Rollout(asio::io_context &io)
      : schema_done_(io.get_executor()), cache_warm_(io.get_executor()) {}

  asio::awaitable<void> migrate() {
    asio::steady_timer patience(co_await asio::this_coro::executor, 10s);
    co_await (cache_warm_.passed() || patience.async_wait(asio::use_awaitable));
    schema_done_.open();
  }

  asio::awaitable<void> warm() {
    co_await schema_done_.passed();
    cache_warm_.open();
  }

private:
  StartGate schema_done_;
  StartGate cache_warm_;
};

int main() {
  asio::io_context io;
  Rollout r(io);
  asio::co_spawn(io, r.migrate(), asio::detached);
  asio::co_spawn(io, r.warm(), asio::detached);
  io.run();
}
