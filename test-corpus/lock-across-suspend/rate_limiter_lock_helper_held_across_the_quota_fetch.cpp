// A per-tenant rate limiter takes its mutex through a helper that returns
// the guard (`auto held = locked();`), then fetches a fresh quota from the
// quota service with the guard still alive: the coroutine suspends holding
// the mutex, and the admission check, another coroutine on the same
// io_context thread, blocks that thread on it. The twin,
// rate_limiter_lock_helper_released_before_the_quota_fetch.cpp, lets go
// of the guard before it suspends.
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>

namespace asio = boost::asio;
using namespace std::chrono_literals;

class QuotaService {
public:
  explicit QuotaService(asio::any_io_executor ex) : ex_(ex) {}
  asio::awaitable<int> fetch_quota(int tenant) {
    asio::steady_timer rtt(ex_, 20ms);
    co_await rtt.async_wait(asio::use_awaitable);
    co_return 100 + tenant;
  }

private:
  asio::any_io_executor ex_;
};

class RateLimiter {
public:
  explicit RateLimiter(QuotaService &quotas) : quotas_(quotas) {}

  bool admit() {
    auto held = locked();
    if (remaining_ == 0)
      return false;
    --remaining_;
    return true;
  }

  asio::awaitable<void> refill(int tenant) {
    auto held = locked();
    remaining_ = co_await quotas_.fetch_quota(tenant); // expect-warning: lock-across-suspend {{lock 'held' on 'RateLimiter::mutex_', taken by 'RateLimiter::locked'}}
  }

private:
  std::unique_lock<std::mutex> locked() { return std::unique_lock<std::mutex>(mutex_); }

  QuotaService &quotas_;
  std::mutex mutex_;
  int remaining_ = 0;
};

int main() {
  asio::io_context io;
  QuotaService quotas(io.get_executor());
  RateLimiter limiter(quotas);
  asio::co_spawn(io, limiter.refill(7), asio::detached);
  asio::co_spawn(io, [&]() -> asio::awaitable<void> {
    asio::steady_timer gap(io, 5ms);
    co_await gap.async_wait(asio::use_awaitable);
    std::printf("admitted: %d\n", limiter.admit());
  }, asio::detached);
  io.run();
}
