// The twin of flush_handler_object_writes_the_log_on_the_loop.cpp: the
// timer's handler is the same function object, but it moves the buffer
// into a job it posts to a worker pool, which appends it to the log file
// off the loop.
// expect-no-findings
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
  metrics_agent(asio::io_context &io, asio::thread_pool &disk)
      : timer_(io), disk_(disk) {}

  void start() {
    timer_.expires_after(std::chrono::seconds(1));
    timer_.async_wait(flush_handler(*this));
  }

  void record(std::string line) { buffer_.push_back(std::move(line)); }

  void flush() {
    asio::post(disk_, [lines = std::move(buffer_)] {
      std::ofstream out("metrics.log", std::ios::app);
      for (const std::string &line : lines)
        out << line << '\n';
    });
    buffer_.clear();
  }

private:
  asio::steady_timer timer_;
  asio::thread_pool &disk_;
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
  asio::thread_pool disk(1);
  metrics_agent agent(io, disk);
  agent.record("started 1");
  agent.start();
  io.run();
  disk.join();
}
