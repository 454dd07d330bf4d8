// On real Asio: a session starts its handshake in the constructor and keeps
// the awaitable in a member; serve() awaits it. The handshake waits on a
// channel that serve() feeds only after the handshake finished.
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
    co_await std::move(handshake_); // expect-error: wait-cycle {{deadlock: 'Session::greetings_' is signalled only after coroutine 'Session::shake_hands' finishes, and coroutine 'Session::shake_hands' finishes only after 'Session::greetings_' is signalled}}
    greetings_.try_send(boost::system::error_code{}, 1); // expect-path: wait-cycle {{only then 'Session::greetings_' is signalled}}
  }

private:
  asio::awaitable<void> shake_hands() {
    co_await greetings_.async_receive(asio::use_awaitable); // expect-path: wait-cycle {{'Session::shake_hands' waits for 'Session::greetings_' here}}
  }

  Channel greetings_;
  asio::awaitable<void> handshake_;
};
