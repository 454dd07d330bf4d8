// Benchmark input: an Asio coroutine echo server with timeouts and a strand.
// Only parsed (corolint and clang -fsyntax-only), never built.
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

struct Stats {
  std::mutex mtx;
  std::size_t bytes = 0;
  std::size_t sessions = 0;
};

asio::awaitable<void> timeout(std::chrono::steady_clock::duration d) {
  asio::steady_timer t(co_await asio::this_coro::executor);
  t.expires_after(d);
  co_await t.async_wait(asio::use_awaitable);
}

asio::awaitable<std::size_t> read_some(tcp::socket &s, std::vector<char> &buf) {
  auto result = co_await (s.async_read_some(asio::buffer(buf), asio::use_awaitable) ||
                          timeout(30s));
  if (result.index() == 1)
    co_return 0;
  co_return std::get<0>(result);
}

asio::awaitable<void> session(tcp::socket socket, std::shared_ptr<Stats> stats) {
  std::vector<char> buf(4096);
  for (;;) {
    std::size_t n = co_await read_some(socket, buf);
    if (n == 0)
      break;
    {
      std::lock_guard<std::mutex> lk(stats->mtx);
      stats->bytes += n;
    }
    co_await asio::async_write(socket, asio::buffer(buf, n), asio::use_awaitable);
  }
}

asio::awaitable<void> listener(tcp::acceptor acceptor, std::shared_ptr<Stats> stats) {
  for (;;) {
    tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
    ++stats->sessions;
    asio::co_spawn(acceptor.get_executor(), session(std::move(socket), stats),
                   asio::detached);
  }
}

int main() {
  asio::io_context ctx;
  auto stats = std::make_shared<Stats>();
  tcp::acceptor acceptor(ctx, {tcp::v4(), 5555});
  asio::co_spawn(ctx, listener(std::move(acceptor), stats), asio::detached);
  asio::signal_set signals(ctx, SIGINT, SIGTERM);
  signals.async_wait([&](auto, auto) { ctx.stop(); });
  ctx.run();
}
