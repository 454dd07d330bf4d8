// Running the io_context from a coroutine on it: it waits for work that
// needs this very loop. An error, not a stall.
#include <boost/asio.hpp>

namespace asio = boost::asio;

asio::awaitable<void> nested(asio::io_context &ctx) {
  ctx.run(); // expect-error: blocking-call {{'boost::asio::io_context::run' on the event loop waits for work that needs this loop}}
  co_return;
}
