// co_await asio::this_coro::executor returns at once: it is no suspension,
// so taking it under a lock is fine.
// expect-no-findings
#include <boost/asio.hpp>
#include <mutex>

namespace asio = boost::asio;

std::mutex mtx;

asio::awaitable<void> handler() {
  std::lock_guard<std::mutex> lk(mtx);
  auto ex = co_await asio::this_coro::executor;
  (void)ex;
}
