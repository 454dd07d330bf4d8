// A client resolves its upstream, connects, then reads the greeting. The
// lookup and the connect need no deadline of their own: the resolver and the
// kernel (its SYN retries) give up and complete them with an error. The read
// waits for as long as the upstream stays quiet.
#include <boost/asio.hpp>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<std::size_t> greet_upstream(tcp::socket &sock,
                                            tcp::resolver &resolver,
                                            const std::string &host) {
  auto endpoints = co_await resolver.async_resolve(host, "6379", asio::use_awaitable);
  co_await asio::async_connect(sock, endpoints, asio::use_awaitable);
  co_await sock.async_connect(*endpoints.begin(), asio::use_awaitable);
  char greeting[64];
  co_return co_await sock.async_read_some(asio::buffer(greeting), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::basic_stream_socket::async_read_some' waits for a peer with no deadline}}
}
