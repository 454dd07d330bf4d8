// A small HTTP router keeps its handlers in a table of std::function and
// dispatches a request by looking the path up: the request coroutine runs
// on the loop, so the handler it dispatches to runs there too, and the
// export handler's blocking write stalls every other request. The twin,
// handler_dispatched_from_a_route_table_on_a_worker.cpp, dispatches from a
// worker thread.
#include <fake/coro.h>
#include <functional>
#include <map>
#include <string>
#include <unistd.h>

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

void install_routes(int export_fd) {
  router.add("/health", [](const std::string &) { return 200; });
  router.add("/export", [export_fd](const std::string &body) {
    ::write(export_fd, body.data(), body.size()); // expect-path: blocking-call {{'write' blocks here}} expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
    return 201;
  });
}

fake::task<int> serve_request(std::string path, std::string body) {
  co_await fake::yield_now();
  co_return router.dispatch(path, body);
}
