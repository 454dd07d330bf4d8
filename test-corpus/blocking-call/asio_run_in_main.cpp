// Running the loop from main is how a loop starts, not a deadlock.
// expect-no-findings
#include <boost/asio.hpp>

namespace asio = boost::asio;

asio::awaitable<void> serve() { co_return; }

int main() {
  asio::io_context ctx;
  asio::co_spawn(ctx, serve(), asio::detached);
  ctx.run();
}
