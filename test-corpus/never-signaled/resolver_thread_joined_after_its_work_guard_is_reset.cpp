// A DNS cache keeps a resolver thread running its own io_context, with a
// work guard so that run() waits for lookups instead of returning at once.
// At shutdown it resets the guard first: run() finishes the lookups already
// posted and returns, and the join with it.
// Twin: resolver_thread_joined_while_its_work_guard_lives.cpp.
// expect-no-findings
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <map>
#include <string>
#include <thread>

class dns_cache {
public:
  dns_cache()
      : keep_running_(boost::asio::make_work_guard(resolver_io_)),
        resolver_([this] { resolver_io_.run(); }) {}

  void refresh(const std::string &host) {
    boost::asio::post(resolver_io_, [this, host] { entries_[host] = "10.0.0.1"; });
  }

  void close() {
    keep_running_.reset();
    resolver_.join();
  }

private:
  boost::asio::io_context resolver_io_;
  boost::asio::executor_work_guard<boost::asio::io_context::executor_type>
      keep_running_;
  std::map<std::string, std::string> entries_;
  std::thread resolver_;
};

int main() {
  dns_cache cache;
  cache.refresh("example.org");
  cache.close();
}
