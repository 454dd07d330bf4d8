// Two coroutines on one io_context meet at gates built on Asio timers that
// never expire: each gate's waiters loop on its flag, and opening it sets
// the flag and cancels the timer. The migrator waits for the warmer's gate
// before it opens its own; the warmer waits for the migrator's first.
#include <boost/asio.hpp>

namespace asio = boost::asio;

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
    co_await cache_warm_.passed();
    schema_done_.open();
  }

  asio::awaitable<void> warm() {
    co_await schema_done_.passed(); // expect-error: wait-cycle {{deadlock}}
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
