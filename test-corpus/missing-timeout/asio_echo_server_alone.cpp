// The echo server of asio_echo_test_talks_to_itself.cpp, run on its own: its
// peers are whoever connects. A client that sends and never reads fills the
// socket's buffers, and the write then waits for it forever.
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> echo_once(tcp::acceptor &acceptor) {
  tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
  char data[64];
  std::size_t n = co_await peer.async_read_some(asio::buffer(data), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::basic_stream_socket::async_read_some' waits for a peer with no deadline}}
  co_await asio::async_write(peer, asio::buffer(data, n), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::async_write' waits for a peer with no deadline}}
}

void serve(asio::io_context &io, tcp::acceptor &acceptor) {
  asio::co_spawn(io, echo_once(acceptor), asio::detached);
  io.run();
}
