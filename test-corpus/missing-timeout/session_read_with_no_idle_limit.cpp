// A session reads each request with use_awaitable alone: a client that
// connects and sends nothing parks the coroutine for ever. (Its twin,
// session_read_cancelled_after_idle_time.cpp, hands the read Asio's
// cancel_after.)
#include <boost/asio.hpp>
#include <stubs/asio/cancel_after.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> serve_requests(tcp::socket client) {
  char request[512];
  for (;;) {
    std::size_t n = co_await client.async_read_some(asio::buffer(request), // expect-warning: missing-timeout {{waits for a peer with no deadline}}
                                                    asio::use_awaitable);
    co_await asio::async_write(client, asio::buffer(request, n),
                               asio::cancel_after(30s));
  }
}
