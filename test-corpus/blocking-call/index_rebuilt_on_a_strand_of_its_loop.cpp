// A search service keeps a strand it hands its index rebuilds to in a
// member, but makes it on the io_context rather than on the thread pool it
// is built with: the rebuild reads the catalogue from disk on the loop that
// answers queries, which stalls them all. The twin,
// index_rebuilt_on_a_strand_of_its_pool.cpp, makes it on the pool.
#include <boost/asio.hpp>
#include <chrono>
#include <fstream>
#include <string>
#include <vector>

namespace asio = boost::asio;

class search_service {
public:
  search_service(asio::io_context &io, asio::thread_pool &workers)
      : io_(io), rebuilds_(asio::make_strand(io)), refresh_(io) {}

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
    std::ifstream in(path); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
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
