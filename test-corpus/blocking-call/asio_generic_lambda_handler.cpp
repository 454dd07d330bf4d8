// A generic lambda as a completion handler: its body is an instantiation of a
// call operator template, made inside Asio's headers.
#include <boost/asio.hpp>
#include <thread>

namespace asio = boost::asio;

void arm(asio::steady_timer &timer) {
  timer.async_wait([](auto ec) {
    if (!ec)
      std::this_thread::sleep_for(std::chrono::seconds(1)); // expect-warning: blocking-call {{sleeps}}
  });
}
