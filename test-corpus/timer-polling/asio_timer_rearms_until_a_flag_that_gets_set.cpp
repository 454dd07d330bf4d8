// On real Asio: a handler that re-arms its timer while a flag is unset, and a
// coroutine that waits on a timer in a loop until a flag changes. Whoever
// calls on_cache_loaded() sets it, so both end: slow, not stuck.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>

namespace asio = boost::asio;
using namespace std::chrono_literals;

class Warmup {
public:
  explicit Warmup(asio::io_context &io) : timer_(io) {}

  void check() {
    if (!cache_warm_) {
      timer_.expires_after(100ms);
      timer_.async_wait([this](boost::system::error_code) { check(); });
      return;
    }
    open_for_business();
  }

  asio::awaitable<void> wait_then_serve() {
    asio::steady_timer t(co_await asio::this_coro::executor);
    while (!cache_warm_) {
      t.expires_after(50ms);
      co_await t.async_wait(asio::use_awaitable);
    }
    open_for_business();
  }

  void on_cache_loaded() { cache_warm_ = true; }

private:
  void open_for_business() {}

  asio::steady_timer timer_;
  bool cache_warm_ = false;
};
