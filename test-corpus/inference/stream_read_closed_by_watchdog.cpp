// The twin of stream_read_with_no_watchdog.cpp: a watchdog timer closes the
// stream after ten seconds, which completes the pending read with an error.
// corolint infers that the stream's close() cancels it (it closes the
// socket the stream holds).
// expect-no-findings
#include <chrono>
#include <inhouse/stream.h>

inhouse::job greet(inhouse::stream &client) {
  boost::asio::steady_timer watchdog(client.executor());
  watchdog.expires_after(std::chrono::seconds{10});
  watchdog.async_wait([&client](boost::system::error_code ec) {
    if (!ec)
      client.close();
  });
  char hello[16];
  std::size_t n = co_await client.read_some(boost::asio::buffer(hello));
  (void)n;
  watchdog.cancel();
}
