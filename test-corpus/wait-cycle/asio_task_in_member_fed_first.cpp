// expect-no-findings
//
// Looks like asio_task_in_member_awaits_its_awaiter, but serve() feeds the
// channel before it awaits the handshake.
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>

namespace asio = boost::asio;
using Channel =
    asio::experimental::channel<void(boost::system::error_code, int)>;

class Session {
public:
  explicit Session(asio::any_io_executor ex)
      : greetings_(ex, 1), handshake_(shake_hands()) {}

  asio::awaitable<void> serve() {
    greetings_.try_send(boost::system::error_code{}, 1);
    co_await std::move(handshake_);
  }

private:
  asio::awaitable<void> shake_hands() {
    co_await greetings_.async_receive(asio::use_awaitable);
  }

  Channel greetings_;
  asio::awaitable<void> handshake_;
};
