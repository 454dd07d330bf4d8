// expect-no-findings
// A ledger and a fee table, each behind a concurrencpp async_lock, call into
// each other: settle() holds the ledger's lock while it asks the fee table
// for a rate, but refresh() lets go of the fee table's lock (the guard's
// unlock()) before it books the adjustment in the ledger: one order only.
#include <memory>
#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

namespace cc = concurrencpp;

class fee_table;

class ledger {
public:
  explicit ledger(std::shared_ptr<cc::thread_pool_executor> pool) : pool_(pool) {}
  cc::lazy_result<void> settle(fee_table &fees, int amount);
  cc::lazy_result<void> book(int amount) {
    auto guard = co_await lock_.lock(pool_);
    balance_ += amount;
  }

private:
  std::shared_ptr<cc::thread_pool_executor> pool_;
  cc::async_lock lock_;
  int balance_ = 0;
};

class fee_table {
public:
  explicit fee_table(std::shared_ptr<cc::thread_pool_executor> pool) : pool_(pool) {}
  cc::lazy_result<int> rate() {
    auto guard = co_await lock_.lock(pool_);
    co_return rate_;
  }
  cc::lazy_result<void> refresh(ledger &books) {
    auto guard = co_await lock_.lock(pool_);
    rate_ += 1;
    int adjustment = -rate_;
    guard.unlock();
    co_await books.book(adjustment);
  }

private:
  std::shared_ptr<cc::thread_pool_executor> pool_;
  cc::async_lock lock_;
  int rate_ = 2;
};

cc::lazy_result<void> ledger::settle(fee_table &fees, int amount) {
  auto guard = co_await lock_.lock(pool_);
  int rate = co_await fees.rate();
  balance_ -= amount * rate;
}
