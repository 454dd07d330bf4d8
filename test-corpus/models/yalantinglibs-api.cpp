// Every name rules/models/yalantinglibs.json gives, used the way cinatra's
// code uses it, on the stub of test-corpus/include/stubs/ylt. No coroutine
// awaits them: the stub's lazy results are not awaitable, and only the names
// are checked here.
#include <stubs/ylt/coro_io/coro_io.hpp>

#include <chrono>
#include <string>

using namespace std::chrono_literals;

void write_log_file() {}

void use_post() {
  coro_io::post([] { write_log_file(); });
  coro_io::post([] { write_log_file(); }, coro_io::get_global_block_executor());
}

struct socket {};
struct acceptor {};
struct executor {};

void use_socket_operations(executor *ex, acceptor &server, socket &peer) {
  std::string buffer;
  coro_io::async_accept(server, peer);
  coro_io::async_connect(ex, peer, "localhost", "8080");
  coro_io::async_handshake(peer, 0);
  coro_io::async_read_some(peer, buffer);
  coro_io::async_read(peer, buffer);
  coro_io::async_read(peer, buffer, 16);
  coro_io::async_read_until(peer, buffer, "\r\n");
  coro_io::async_write(peer, buffer);
  coro_io::async_write_some(peer, buffer);
}

void close_wrapped(coro_io::socket_wrapper_t &wrapped) {
  wrapped.visit([](int socket) { return socket; });
  wrapped.close();
}

void use_timers() {
  coro_io::period_timer timer;
  timer.expires_after(1s);
  timer.async_await();
  timer.cancel();
  coro_io::sleep_for(1s);
}
// expect-no-findings
