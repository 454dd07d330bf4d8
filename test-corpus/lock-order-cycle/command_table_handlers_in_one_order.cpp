// The twin of command_table_handlers_in_opposite_orders.cpp: the same
// table of command handlers dispatched from two io_context threads, but
// 'audit' takes the stock mutex first, as 'reserve' does: one order, no
// cycle.
// expect-no-findings
#include <boost/asio.hpp>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace asio = boost::asio;

struct Store {
  std::mutex stock_mutex;
  std::mutex audit_mutex;
  int on_hand = 10;
  std::vector<std::string> trail;
};

using Command = std::function<void(Store &, int)>;

std::map<std::string, Command> build_commands() {
  std::map<std::string, Command> commands;
  commands["reserve"] = [](Store &store, int count) {
    std::lock_guard<std::mutex> stock(store.stock_mutex);
    store.on_hand -= count;
    std::lock_guard<std::mutex> audit(store.audit_mutex);
    store.trail.push_back("reserve");
  };
  commands["audit"] = [](Store &store, int) {
    std::lock_guard<std::mutex> stock(store.stock_mutex);
    std::lock_guard<std::mutex> audit(store.audit_mutex);
    store.trail.push_back("on hand " + std::to_string(store.on_hand));
  };
  return commands;
}

int main() {
  asio::io_context io;
  Store store;
  std::map<std::string, Command> commands = build_commands();
  for (const char *name : {"reserve", "audit"})
    asio::post(io, [&, name] { commands.at(name)(store, 1); });
  std::thread second([&io] { io.run(); });
  io.run();
  second.join();
}
