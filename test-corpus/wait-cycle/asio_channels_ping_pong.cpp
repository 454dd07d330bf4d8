// Two coroutines on real Asio channels, each receiving before it sends.
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>

namespace asio = boost::asio;
using Channel = asio::experimental::channel<void(boost::system::error_code, int)>;

struct Pipes {
  Channel *requests;
  Channel *replies;
};

Channel *requests;
Channel *replies;

asio::awaitable<void> responder() {
  int v = co_await requests->async_receive(asio::use_awaitable); // expect-error: wait-cycle {{deadlock}}
  replies->try_send(boost::system::error_code{}, v);
}

asio::awaitable<void> asker() {
  int v = co_await replies->async_receive(asio::use_awaitable);
  requests->try_send(boost::system::error_code{}, v);
}
