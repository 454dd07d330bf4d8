// A DNS cache keeps a resolver thread running its own io_context, with a
// work guard so that run() waits for lookups instead of returning at once.
// At shutdown it joins the thread, but the guard is still alive and nothing
// stops the io_context: run() never returns, and neither does the join.
// Twin: resolver_thread_joined_after_its_work_guard_is_reset.cpp.
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <map>
#include <string>
#include <thread>

class dns_cache {
public:
  dns_cache()
      : keep_running_(boost::asio::make_work_guard(resolver_io_)), // expect-path: never-signaled {{the guard 'dns_cache::keep_running_' is made on 'dns_cache::resolver_io_' here}}
        resolver_([this] { resolver_io_.run(); }) {}

  void refresh(const std::string &host) {
    boost::asio::post(resolver_io_, [this, host] { entries_[host] = "10.0.0.1"; });
  }

  void close() {
    resolver_.join(); // expect-warning: never-signaled {{the join waits for a thread that runs 'dns_cache::resolver_io_' until it runs out of work, but the work guard 'dns_cache::keep_running_' keeps it from ever running out}}
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
