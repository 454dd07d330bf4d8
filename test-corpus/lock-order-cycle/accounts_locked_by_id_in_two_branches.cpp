// The twin of accounts_locked_in_argument_order.cpp: transfer takes the two
// account mutexes in either order, but picks the order by account id in two
// branches, so every call takes the lower id first whichever way the money
// goes: one order, no cycle.
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

void move_cents(Account &from, Account &to, long cents) {
  from.cents -= cents;
  to.cents += cents;
}

asio::awaitable<void> transfer(Account &from, Account &to, long cents) {
  co_await asio::post(co_await asio::this_coro::executor, asio::use_awaitable);
  if (from.id < to.id) {
    std::lock_guard<std::mutex> lower(from.guard);
    std::lock_guard<std::mutex> higher(to.guard);
    move_cents(from, to, cents);
  } else {
    std::lock_guard<std::mutex> lower(to.guard);
    std::lock_guard<std::mutex> higher(from.guard);
    move_cents(from, to, cents);
  }
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
