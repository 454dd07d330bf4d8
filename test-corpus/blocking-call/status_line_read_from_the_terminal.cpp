// A coroutine on the loop asks the operator for a status line through an
// istream built on standard input's buffer: std::getline waits for the
// terminal, and the loop with it. (Its twin,
// status_line_parsed_from_a_filled_streambuf.cpp, builds the istream on a
// streambuf an async read filled.)
#include <boost/asio.hpp>
#include <iostream>
#include <string>

namespace asio = boost::asio;

asio::awaitable<int> ask_status() {
  std::istream terminal(std::cin.rdbuf());
  std::string message;
  std::getline(terminal, message); // expect-warning: blocking-call {{'std::getline' blocks the event loop}}
  co_return static_cast<int>(message.size());
}
