// A client hands the istream it built on the streambuf an async read filled
// to a helper that parses the headers with std::getline: every caller of the
// helper passes a stream over memory, so it never waits. Quiet. (Its twin,
// where the stream is standard input: status_line_read_from_the_terminal.cpp.)
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <istream>
#include <string>

namespace asio = boost::asio;
using asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;
using namespace std::chrono_literals;

static int count_headers(std::istream &in) {
  int headers = 0;
  std::string line;
  while (std::getline(in, line) && line != "\r")
    ++headers;
  return headers;
}

asio::awaitable<int> read_headers(tcp::socket &sock) {
  asio::streambuf response;
  asio::steady_timer limit(sock.get_executor(), 5s);
  co_await (asio::async_read_until(sock, response, "\r\n\r\n", asio::use_awaitable) ||
            limit.async_wait(asio::use_awaitable));
  std::istream headers(&response);
  co_return count_headers(headers);
}
