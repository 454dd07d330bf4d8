// A client reads the status line into an Asio streambuf with an async read,
// then parses it with std::getline through an istream built on that
// buffer: the bytes are already in memory, so getline never waits. Quiet.
// (Its twin, status_line_read_from_the_terminal.cpp, builds the istream on
// standard input's buffer.)
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <istream>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

asio::awaitable<int> read_status(tcp::socket &sock) {
  asio::streambuf response;
  asio::steady_timer limit(sock.get_executor(), 5s);
  co_await (asio::async_read_until(sock, response, "\r\n", asio::use_awaitable) ||
            limit.async_wait(asio::use_awaitable));
  std::istream status(&response);
  std::string version, message;
  int code = 0;
  status >> version >> code;
  std::getline(status, message);
  co_return code;
}
