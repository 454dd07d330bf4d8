// A control-plane agent pushes a routing table to an edge proxy over two
// in-process Asio channels that one session object owns and hands out
// through its accessors. The agent is a class that keeps the session by
// reference; the proxy is a free coroutine that is handed it. The agent
// waits for the proxy's version report before it pushes the table; the
// proxy reports its version first and then waits for the table, so both
// finish. The twin, edge_config_push_agent_and_proxy_wait_for_each_other.cpp,
// has the proxy wait for the table first.
// expect-no-findings
#include <boost/asio.hpp>
#include <boost/asio/experimental/channel.hpp>
#include <cstdio>
#include <string>

namespace asio = boost::asio;
using boost::system::error_code;

struct RouteTable {
  long version = 0;
  std::string routes;
};
using TableChannel = asio::experimental::channel<void(error_code, RouteTable)>;
using VersionChannel = asio::experimental::channel<void(error_code, long)>;

class PushSession {
public:
  explicit PushSession(asio::any_io_executor ex) : tables_(ex, 1), versions_(ex, 1) {}
  TableChannel &tables() { return tables_; }
  VersionChannel &versions() { return versions_; }

private:
  TableChannel tables_;
  VersionChannel versions_;
};

class ControlAgent {
public:
  explicit ControlAgent(PushSession &session) : session_(session) {}

  asio::awaitable<void> push(RouteTable next) {
    long current = co_await session_.versions().async_receive(asio::use_awaitable);
    if (current >= next.version) {
      std::printf("proxy already at %ld\n", current);
      co_return;
    }
    co_await session_.tables().async_send(error_code{}, next, asio::use_awaitable);
  }

private:
  PushSession &session_;
};

asio::awaitable<void> run_proxy(PushSession &session, long version) {
  co_await session.versions().async_send(error_code{}, version, asio::use_awaitable);
  RouteTable table = co_await session.tables().async_receive(asio::use_awaitable);
  std::printf("installing %s (v%ld)\n", table.routes.c_str(), table.version);
}

int main() {
  asio::io_context io;
  PushSession session(io.get_executor());
  ControlAgent agent(session);
  asio::co_spawn(io, agent.push({42, "/api -> pool-b"}), asio::detached);
  asio::co_spawn(io, run_proxy(session, 41), asio::detached);
  io.run();
}
