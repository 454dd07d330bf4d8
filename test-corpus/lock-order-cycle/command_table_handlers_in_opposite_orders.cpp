// On real Asio: an inventory service builds a table of command handlers
// (std::function values in a map, filled by a factory) and dispatches each
// command by name from handlers posted to an io_context that two threads
// run. 'reserve' takes the stock mutex then the audit mutex; 'audit' takes
// them the other way round: two commands dispatched at once can each hold
// one. The twin, command_table_handlers_in_one_order.cpp, takes them in one
// order.
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
    std::lock_guard<std::mutex> stock(store.stock_mutex); // expect-path: lock-order-cycle {{'Store::stock_mutex' acquired here}}
    store.on_hand -= count;
    std::lock_guard<std::mutex> audit(store.audit_mutex); // expect-path: lock-order-cycle {{'Store::audit_mutex' acquired here while 'Store::stock_mutex' is held}}
    store.trail.push_back("reserve");
  };
  commands["audit"] = [](Store &store, int) {
    std::lock_guard<std::mutex> audit(store.audit_mutex); // expect-path: lock-order-cycle {{'Store::audit_mutex' acquired here}}
    std::lock_guard<std::mutex> stock(store.stock_mutex); // expect-warning: lock-order-cycle {{('Store::audit_mutex' before 'Store::stock_mutex' in '(lambda at command_table_handlers_in_opposite_orders.cpp:35:23)'; 'Store::stock_mutex' before 'Store::audit_mutex' in '(lambda at command_table_handlers_in_opposite_orders.cpp:29:25)')}}
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
