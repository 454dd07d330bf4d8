// Real Boost.Asio: a price cache's refresher keeps its std::mutex locked
// while it awaits the next quote, and a handler posted to the same
// io_context locks the mutex to read the cache. On a loop of one thread the
// handler blocks that thread in lock(), so the timer that would resume the
// refresher never fires: the note names that second lock. The twin,
// asio_lock_taken_after_the_await_by_the_refresher.cpp, awaits first.
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
    std::lock_guard<std::mutex> lock(mutex_); // expect-path: lock-across-suspend {{acquired here}}
    co_await next_quote.async_wait(asio::use_awaitable); // expect-warning: lock-across-suspend {{held across co_await}}
    prices_[symbol] += 0.25;
  }

  double read(const std::string &symbol) {
    std::lock_guard<std::mutex> lock(mutex_); // expect-path: lock-across-suspend {{'PriceCache::read' takes 'PriceCache::mutex_' here, on the loop: while this coroutine is suspended holding it, this waits and blocks the loop's thread}}
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
