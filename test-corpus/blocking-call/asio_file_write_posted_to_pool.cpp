// The timer callback posts the file write to a thread pool: the write runs
// on a worker, not on the loop.
// expect-no-findings
#include <boost/asio.hpp>
#include <fstream>

namespace asio = boost::asio;

void arm(asio::steady_timer &timer, asio::thread_pool &pool) {
  timer.async_wait([&pool](boost::system::error_code) {
    asio::post(pool, [] {
      std::ofstream out("audit.log", std::ios::app);
      out << "tick\n";
    });
  });
}
