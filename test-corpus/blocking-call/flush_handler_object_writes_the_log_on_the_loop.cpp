// A metrics agent flushes its buffer every second from a timer whose
// completion handler is a function object (a class with a call operator,
// as pre-lambda Asio code and Asio's stackless coroutines write them), not
// a lambda. The handler appends the buffer to the log file with an
// ofstream on the loop that also serves the agent's socket. The twin,
// flush_handler_object_hands_the_log_to_a_pool.cpp, posts the write to a
// worker pool.
#include <boost/asio.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace asio = boost::asio;

class metrics_agent;

class flush_handler {
public:
  explicit flush_handler(metrics_agent &agent) : agent_(agent) {}
  void operator()(const boost::system::error_code &ec);

private:
  metrics_agent &agent_;
};

class metrics_agent {
public:
  explicit metrics_agent(asio::io_context &io) : timer_(io) {}

  void start() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait(flush_handler(*this));
  }

  void record(std::string line) { buffer_.push_back(std::move(line)); }

  void flush() {
    std::ofstream out("metrics.log", std::ios::app); // expect-warning: blocking-call {{opens a file}}
    for (const std::string &line : buffer_)
      out << line << '\n';
    buffer_.clear();
  }

private:
  asio::steady_timer timer_;
  std::vector<std::string> buffer_;
};

void flush_handler::operator()(const boost::system::error_code &ec) {
  if (ec)
    return;
  agent_.flush();
  agent_.start();
}

int main() {
  asio::io_context io;
  metrics_agent agent(io);
  agent.record("started 1");
  agent.start();
  io.run();
}
