// A search service keeps a strand it hands its index rebuilds to in a
// member, made on the thread pool it is built with: the rebuilds run one at
// a time, on pool threads, not on the loop that answers queries. The twin,
// index_rebuilt_on_a_strand_of_its_loop.cpp, makes the strand on the
// io_context instead.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace asio = boost::asio;

class search_service {
public:
  search_service(asio::io_context &io, asio::thread_pool &workers)
      : io_(io), rebuilds_(asio::make_strand(workers)), refresh_(io) {}

  void schedule_refresh() {
    refresh_.expires_after(std::chrono::minutes(5));
    refresh_.async_wait([this](boost::system::error_code ec) {
      if (ec)
        return;
      asio::post(rebuilds_, [this] { rebuild("catalogue.txt"); });
      schedule_refresh();
    });
  }

private:
  void rebuild(const std::string &path) {
    std::vector<std::string> terms;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);)
      terms.push_back(line);
    asio::post(io_, [this, terms = std::move(terms)]() mutable {
      index_ = std::move(terms);
    });
  }

  asio::io_context &io_;
  asio::any_io_executor rebuilds_;
  asio::steady_timer refresh_;
  std::vector<std::string> index_;
};

int main() {
  asio::io_context io;
  asio::thread_pool workers(2);
  search_service search(io, workers);
  search.schedule_refresh();
  io.run();
  workers.join();
}
