// Real Boost.Asio: the std::lock_guard lives in a scope that closes before the
// timer wait.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <mutex>

std::mutex mtx;
int ticks = 0;

boost::asio::awaitable<void> tick() {
  auto ex = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer timer(ex, std::chrono::milliseconds(10));
  {
    std::lock_guard<std::mutex> lk(mtx);
    ++ticks;
  }
  co_await timer.async_wait(boost::asio::use_awaitable);
  ++ticks;
}

int main() {
  boost::asio::io_context io;
  boost::asio::co_spawn(io, tick(), boost::asio::detached);
  io.run();
}
