// A session reads each request with a completion token that cancels the
// read once 30 s pass (Asio's cancel_after): an idle client gets an error,
// not a coroutine parked for ever. (Its twin,
// session_read_with_no_idle_limit.cpp, reads with use_awaitable alone.)
// expect-no-findings
#include <boost/asio.hpp>
#include <stubs/asio/cancel_after.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace std::chrono_literals;

asio::awaitable<void> serve_requests(tcp::socket client) {
  char request[512];
  for (;;) {
    std::size_t n = co_await client.async_read_some(asio::buffer(request),
                                                    asio::cancel_after(30s));
    co_await asio::async_write(client, asio::buffer(request, n),
                               asio::cancel_after(30s));
  }
}
