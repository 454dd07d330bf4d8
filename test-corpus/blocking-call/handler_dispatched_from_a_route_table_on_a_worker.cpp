// The twin of handler_dispatched_from_a_route_table_on_the_loop.cpp: the
// same router and handlers, but requests are dispatched by a worker thread
// that drains a queue; the loop only queues them. The export handler's
// blocking write runs on the worker.
// expect-no-findings
#include <fake/coro.h>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <utility>
#include <vector>

class Router {
public:
  using Handler = std::function<int(const std::string &)>;

  void add(const std::string &path, Handler handler) {
    routes_[path] = std::move(handler);
  }

  int dispatch(const std::string &path, const std::string &body) {
    return routes_.at(path)(body);
  }

private:
  std::map<std::string, Handler> routes_;
};

Router router;
std::mutex inbox_mutex;
std::vector<std::pair<std::string, std::string>> inbox;

void install_routes(int export_fd) {
  router.add("/health", [](const std::string &) { return 200; });
  router.add("/export", [export_fd](const std::string &body) {
    ::write(export_fd, body.data(), body.size());
    return 201;
  });
}

void drain_inbox() {
  std::lock_guard<std::mutex> lock(inbox_mutex);
  for (const auto &[path, body] : inbox)
    router.dispatch(path, body);
  inbox.clear();
}

fake::task<void> serve_request(std::string path, std::string body) {
  co_await fake::yield_now();
  std::lock_guard<std::mutex> lock(inbox_mutex);
  inbox.emplace_back(std::move(path), std::move(body));
}

int main() {
  std::thread worker(drain_inbox);
  worker.join();
}
