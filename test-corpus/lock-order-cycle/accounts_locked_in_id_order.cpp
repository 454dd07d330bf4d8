// The twin of accounts_locked_in_argument_order.cpp: the same two transfers
// in opposite directions, but each locks the account with the lower id
// first, whichever way the money goes: one order, no cycle.
// expect-no-findings
#include <boost/asio.hpp>
#include <mutex>
#include <thread>

namespace asio = boost::asio;

struct Account {
  int id = 0;
  long cents = 0;
  std::mutex guard;
};

asio::awaitable<void> transfer(Account &from, Account &to, long cents) {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  Account &first = from.id < to.id ? from : to;
  Account &second = from.id < to.id ? to : from;
  std::lock_guard<std::mutex> lower(first.guard);
  std::lock_guard<std::mutex> higher(second.guard);
  from.cents -= cents;
  to.cents += cents;
}

int main() {
  asio::io_context io;
  Account checking{1, 500}, savings{2, 100};
  asio::co_spawn(io, transfer(checking, savings, 50), asio::detached);
  asio::co_spawn(io, transfer(savings, checking, 20), asio::detached);
  std::thread second([&io] { io.run(); });
  io.run();
  second.join();
}
