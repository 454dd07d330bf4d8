// Real Boost.Asio: a std::lock_guard held across a timer wait in an
// asio::awaitable coroutine.
#include <boost/asio.hpp>
#include <chrono>
#include <mutex>

std::mutex mtx;
int ticks = 0;

boost::asio::awaitable<void> tick() {
  auto ex = co_await boost::asio::this_coro::executor;
  boost::asio::steady_timer timer(ex, std::chrono::milliseconds(10));
  std::lock_guard<std::mutex> lk(mtx); // expect-path: lock-across-suspend {{acquired here}}
  ++ticks;
  co_await timer.async_wait(boost::asio::use_awaitable); // expect-warning: lock-across-suspend {{held across co_await}}
  ++ticks;
}

int main() {
  boost::asio::io_context io;
  boost::asio::co_spawn(io, tick(), boost::asio::detached);
  io.run();
}
