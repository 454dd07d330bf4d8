// On real Asio: a transfer coroutine locks the account it debits, then the
// one it credits, each account's own std::mutex. One transfer goes from
// checking to savings and another from savings to checking on an
// io_context two threads run: each can hold its first account and wait for
// the other's. The mutex is one field of one class; the objects differ per
// call. The twin, accounts_locked_in_id_order.cpp, locks the lower id first.
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
  std::lock_guard<std::mutex> debit(from.guard); // expect-path: lock-order-cycle {{'checking.guard' acquired here}}
  std::lock_guard<std::mutex> credit(to.guard); // expect-warning: lock-order-cycle {{('checking.guard' before 'savings.guard' in 'transfer'; 'savings.guard' before 'checking.guard' in 'transfer')}}
  from.cents -= cents;
  to.cents += cents;
}

int main() {
  asio::io_context io;
  Account checking{1, 500}, savings{2, 100};
  asio::co_spawn(io, transfer(checking, savings, 50), asio::detached); // expect-path: lock-order-cycle {{calls 'transfer' with 'checking.guard' and 'savings.guard'}}
  asio::co_spawn(io, transfer(savings, checking, 20), asio::detached); // expect-path: lock-order-cycle {{calls 'transfer' with 'savings.guard' and 'checking.guard'}}
  std::thread second([&io] { io.run(); });
  io.run();
  second.join();
}
