// Contexts on the real Boost.Asio headers: a coroutine started with co_spawn,
// a timer completion handler, work posted to the io_context (loop) and to a
// thread_pool (worker).
#include <boost/asio.hpp>

namespace asio = boost::asio;

void on_timer() {}
void render() {}
void compress() {}

asio::awaitable<void> session() {
  asio::steady_timer timer(co_await asio::this_coro::executor);
  co_await timer.async_wait(asio::use_awaitable);
}

int main() {
  asio::io_context ctx;
  asio::thread_pool pool(2);
  asio::co_spawn(ctx, session(), asio::detached);
  asio::steady_timer t(ctx, std::chrono::seconds(1));
  t.async_wait([](boost::system::error_code) { on_timer(); });
  asio::post(ctx, [] { render(); });
  asio::post(pool, [] { compress(); });
  ctx.run();
  pool.join();
}
// expect-edge: main spawns session
// expect-edge: session runs-on loop
// expect-edge: on_timer runs-on loop
// expect-edge: render runs-on loop
// expect-edge: compress runs-on worker
// expect-no-edge: compress runs-on loop
// expect-no-edge: main runs-on *
// expect-no-findings
