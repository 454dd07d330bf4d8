// Running the io_context from a coroutine spawned on it: it waits for work
// that needs this very loop. An error, not a stall: co_spawn shows which loop
// runs the coroutine.
#include <boost/asio.hpp>

namespace asio = boost::asio;

asio::awaitable<void> nested(asio::io_context &ctx) {
  ctx.run(); // expect-error: blocking-call {{'boost::asio::io_context::run' on the event loop waits for work that needs this loop}}
  co_return;
}
// expect-path@+3: blocking-call {{'nested' is handed to the event loop here (spawned)}}
int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, nested(ctx), asio::detached);
  ctx.run();
}
