// expect-no-findings
//
// The price cache of asio_lock_held_across_await_while_a_handler_takes_it.cpp,
// whose refresher awaits the next quote before it locks the mutex: nothing
// holds the mutex while the coroutine is suspended, and the handler that
// reads the cache takes it in turn.
#include <boost/asio.hpp>
#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace asio = boost::asio;

class PriceCache {
public:
  asio::awaitable<void> refresh(std::string symbol) {
    asio::steady_timer next_quote(co_await asio::this_coro::executor,
                                  std::chrono::milliseconds(20));
    co_await next_quote.async_wait(asio::use_awaitable);
    std::lock_guard<std::mutex> lock(mutex_);
    prices_[symbol] += 0.25;
  }

  double read(const std::string &symbol) {
    std::lock_guard<std::mutex> lock(mutex_);
    return prices_[symbol];
  }

private:
  std::mutex mutex_;
  std::map<std::string, double> prices_;
};

int main() {
  asio::io_context io;
  PriceCache cache;
  asio::co_spawn(io, cache.refresh("ACME"), asio::detached);
  asio::post(io, [&cache] { cache.read("ACME"); });
  io.run();
}
