// An echo test runs its server and its client side by side on one
// io_context: each end's peer is the other, the test's own code, which reads
// what it is sent. So the writes complete once the kernel has the bytes. The
// reads still wait for the other end to answer, with no deadline.
// (asio_echo_server_alone.cpp: the same server, whose peers are anyone's.)
#include <boost/asio.hpp>

namespace asio = boost::asio;
using asio::ip::tcp;

asio::awaitable<void> echo_once(tcp::acceptor &acceptor) {
  tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
  char data[64];
  std::size_t n = co_await peer.async_read_some(asio::buffer(data), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::basic_stream_socket::async_read_some' waits for a peer with no deadline}}
  co_await asio::async_write(peer, asio::buffer(data, n), asio::use_awaitable);
}

asio::awaitable<void> ping(tcp::socket &sock, tcp::endpoint server) {
  co_await sock.async_connect(server, asio::use_awaitable);
  co_await asio::async_write(sock, asio::buffer("ping", 4), asio::use_awaitable);
  char reply[4];
  co_await asio::async_read(sock, asio::buffer(reply), asio::use_awaitable); // expect-warning: missing-timeout {{'boost::asio::async_read' waits for a peer with no deadline}}
}

void echo_test(asio::io_context &io, tcp::acceptor &acceptor, tcp::socket &sock) {
  asio::co_spawn(io, echo_once(acceptor), asio::detached);
  asio::co_spawn(io, ping(sock, acceptor.local_endpoint()), asio::detached);
  io.run();
}
