// expect-no-findings
//
// Uses every function and type named in rules/models/boost-asio.json. The
// coroutines and loop callbacks only do non-blocking work and race every
// external wait with a timer; the synchronous calls are in plain functions
// that no loop runs. A model name that stops matching Boost.Asio fails the
// model name check, as does a member a type's lists name (waits, signals,
// cancels, handsOut...) that its type does not have.

#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/ssl.hpp>
#include <stubs/asio/cancel_after.hpp>

#include <chrono>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using asio::ip::udp;
using boost::system::error_code;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

namespace boost_asio_api {

// Callback style: each handler is a loop callback and does no blocking work.
void callbacks(asio::io_context &io, tcp::socket &sock, tcp::acceptor &acc,
               tcp::socket &peer, tcp::resolver &res, std::string &line,
               char (&buf)[64]) {
  asio::steady_timer timer(io, 1s);
  timer.async_wait([](error_code) {});
  timer.cancel_one();
  timer.cancel();

  asio::deadline_timer dt(io, boost::posix_time::milliseconds(1));
  dt.async_wait([](error_code) {});
  dt.cancel_one();
  dt.cancel();

  tcp::endpoint ep(asio::ip::address_v4::loopback(), 80);
  sock.async_connect(ep, [](error_code) {});
  acc.async_accept(peer, [](error_code) {});
  sock.async_read_some(asio::buffer(buf), [](error_code, std::size_t) {});
  sock.async_write_some(asio::buffer(buf), [](error_code, std::size_t) {});
  sock.async_receive(asio::buffer(buf), [](error_code, std::size_t) {});
  sock.async_send(asio::buffer(buf), [](error_code, std::size_t) {});
  asio::async_read(sock, asio::buffer(buf), [](error_code, std::size_t) {});
  asio::async_write(sock, asio::buffer(buf), [](error_code, std::size_t) {});
  asio::async_read_until(sock, asio::dynamic_buffer(line), '\n',
                         [](error_code, std::size_t) {});
  res.async_resolve("localhost", "80",
                    [&sock](error_code ec, tcp::resolver::results_type r) {
                      if (!ec)
                        asio::async_connect(sock, r,
                                            [](error_code, tcp::endpoint) {});
                    });
}

// Datagram sockets and TLS streams, callback style.
void more_callbacks(udp::socket &usock, udp::endpoint &from,
                    asio::ssl::stream<tcp::socket> &tls, char (&buf)[64]) {
  usock.async_receive(asio::buffer(buf), [](error_code, std::size_t) {});
  usock.async_receive_from(asio::buffer(buf), from,
                           [](error_code, std::size_t) {});
  usock.async_send(asio::buffer(buf), [](error_code, std::size_t) {});
  usock.async_send_to(asio::buffer(buf), from, [](error_code, std::size_t) {});
  tls.async_handshake(asio::ssl::stream_base::client, [](error_code) {});
  tls.async_read_some(asio::buffer(buf), [](error_code, std::size_t) {});
  tls.async_write_some(asio::buffer(buf), [](error_code, std::size_t) {});
}

// What aborts each I/O object's pending operations: a watchdog's tools.
void cancel_all(asio::basic_socket<tcp> &base, tcp::socket &sock,
                udp::socket &usock, tcp::acceptor &acc, tcp::resolver &res) {
  base.cancel();
  base.shutdown(tcp::socket::shutdown_both);
  base.close();
  sock.cancel();
  sock.shutdown(tcp::socket::shutdown_both);
  sock.close();
  usock.cancel();
  usock.shutdown(udp::socket::shutdown_both);
  usock.close();
  acc.cancel();
  acc.close();
  res.cancel();
}

// Loop, pool and deprecated io_context member submission.
void submissions(asio::io_context &io, asio::thread_pool &pool) {
  asio::post(io, [] {});
  asio::dispatch(io.get_executor(), [] {});
  asio::defer(io, [] {});
  asio::post(pool, [] {});
  asio::thread_pool::executor_type pool_ex = pool.get_executor();
  asio::dispatch(pool_ex, [] {});
  asio::defer(pool.get_executor(), [] {});
  asio::post(pool.executor(), [] {});
  io.post([] {});
  io.dispatch([] {});
}

// Coroutine style: every external wait is raced with a timer.
asio::awaitable<void> session(tcp::socket sock) {
  asio::steady_timer timer(co_await asio::this_coro::executor, 1s);
  char buf[64];
  auto r = co_await (sock.async_read_some(asio::buffer(buf), asio::use_awaitable) ||
                     timer.async_wait(asio::use_awaitable));
  if (r.index() == 0)
    co_await (asio::async_write(sock, asio::buffer(buf, std::get<0>(r)),
                                asio::use_awaitable) ||
              timer.async_wait(asio::use_awaitable));
}

// A line parsed from a streambuf that the read filled: memory, no wait.
asio::awaitable<void> status_line(tcp::socket sock) {
  asio::streambuf response;
  co_await (asio::async_read_until(sock, response, "\r\n", asio::use_awaitable) ||
            asio::steady_timer(sock.get_executor(), 1s).async_wait(asio::use_awaitable));
  std::istream in(&response);
  std::string line;
  std::getline(in, line);
}

// `&&` waits for both timers, or fails with the first that fails.
asio::awaitable<void> both_timers() {
  asio::steady_timer first(co_await asio::this_coro::executor, 1s);
  asio::steady_timer second(co_await asio::this_coro::executor, 2s);
  co_await (first.async_wait(asio::use_awaitable) &&
            second.async_wait(asio::use_awaitable));
}

// Completion tokens that cancel the operation once the time passes
// (cancel_after, cancel_at: from the stub, Boost 1.81 has neither).
asio::awaitable<void> bounded_session(tcp::socket sock) {
  char buf[64];
  std::size_t n = co_await sock.async_read_some(asio::buffer(buf),
                                                asio::cancel_after(10s));
  co_await asio::async_write(
      sock, asio::buffer(buf, n),
      asio::cancel_at(std::chrono::steady_clock::now() + 10s));
}

// Awaiting post or defer on the coroutine's own executor gives the loop a
// turn.
asio::awaitable<void> yields() {
  auto ex = co_await asio::this_coro::executor;
  co_await asio::post(ex, asio::use_awaitable);
  co_await asio::defer(ex, asio::use_awaitable);
}

asio::awaitable<void> channels() {
  auto ex = co_await asio::this_coro::executor;
  asio::experimental::channel<void(error_code, int)> ch(ex, 4);
  co_await ch.async_send(error_code{}, 1, asio::use_awaitable);
  ch.try_send(error_code{}, 2);
  ch.try_send_n(1, error_code{}, 3);
  co_await ch.async_receive(asio::use_awaitable);
  ch.cancel();
  ch.close();

  asio::experimental::concurrent_channel<void(error_code, int)> cch(ex, 4);
  co_await cch.async_send(error_code{}, 1, asio::use_awaitable);
  cch.try_send(error_code{}, 2);
  cch.try_send_n(1, error_code{}, 3);
  co_await cch.async_receive(asio::use_awaitable);
  cch.cancel();
  cch.close();
}

void spawns(asio::io_context &io, tcp::socket sock) {
  asio::awaitable<void> task = session(std::move(sock));
  asio::co_spawn(io, std::move(task), asio::detached);
  asio::co_spawn(io.get_executor(), channels, asio::detached);
  asio::co_spawn(io, yields(), asio::detached);
}

// Synchronous calls, made where no loop runs.
void synchronous(asio::io_context &io) {
  asio::steady_timer timer(io, 1ms);
  timer.wait();
  asio::deadline_timer dt(io, boost::posix_time::milliseconds(1));
  dt.wait();

  tcp::resolver res(io);
  tcp::resolver::results_type endpoints = res.resolve("localhost", "80");
  tcp::socket sock(io);
  asio::connect(sock, endpoints);
  sock.close();
  sock.connect(*endpoints.begin());

  char buf[64];
  sock.non_blocking(false);
  sock.read_some(asio::buffer(buf));
  sock.write_some(asio::buffer(buf));
  sock.receive(asio::buffer(buf));
  sock.send(asio::buffer(buf));
  asio::read(sock, asio::buffer(buf));
  asio::write(sock, asio::buffer(buf));
  std::string line;
  asio::read_until(sock, asio::dynamic_buffer(line), '\n');

  tcp::acceptor acc(io, tcp::endpoint(tcp::v4(), 0));
  tcp::socket peer(io);
  acc.accept(peer);

  udp::socket usock(io, udp::endpoint(udp::v4(), 0));
  udp::endpoint from;
  usock.receive(asio::buffer(buf));
  usock.receive_from(asio::buffer(buf), from);

  asio::ssl::context ctx(asio::ssl::context::tls_client);
  asio::ssl::stream<tcp::socket> tls(io, ctx);
  tls.handshake(asio::ssl::stream_base::client);
  tls.read_some(asio::buffer(buf));
  tls.write_some(asio::buffer(buf));
}

void run_loops(asio::io_context &io, asio::thread_pool &pool) {
  bool Here = io.get_executor().running_in_this_thread();
  asio::io_context::strand old_strand(io);
  Here = Here || old_strand.running_in_this_thread();
  auto strand = asio::make_strand(io);
  auto pool_strand = asio::make_strand(pool);
  asio::post(pool_strand, [] {});
  Here = Here || strand.running_in_this_thread();
  (void)Here;
  auto guard = asio::make_work_guard(io);
  asio::executor_work_guard<asio::io_context::executor_type> other(
      io.get_executor());
  asio::io_context::work old_work(io);
  io.run();
  io.stop();
  io.restart();
  io.run_one();
  io.run_for(1ms);
  io.run_until(std::chrono::steady_clock::now() + 1ms);
  io.run_one_for(1ms);
  io.run_one_until(std::chrono::steady_clock::now() + 1ms);
  pool.join();
  pool.wait();
}

} // namespace boost_asio_api

int main() {
  asio::io_context io;
  asio::thread_pool pool(2);
  tcp::socket sock(io);
  tcp::acceptor acc(io);
  tcp::socket peer(io);
  tcp::resolver res(io);
  std::string line;
  char buf[64];
  boost_asio_api::callbacks(io, sock, acc, peer, res, line, buf);
  udp::socket usock(io);
  udp::endpoint from;
  asio::ssl::context ctx(asio::ssl::context::tls_client);
  asio::ssl::stream<tcp::socket> tls(io, ctx);
  boost_asio_api::more_callbacks(usock, from, tls, buf);
  boost_asio_api::cancel_all(sock, sock, usock, acc, res);
  boost_asio_api::submissions(io, pool);
  boost_asio_api::spawns(io, tcp::socket(io));
  boost_asio_api::synchronous(io);
  boost_asio_api::run_loops(io, pool);
}
