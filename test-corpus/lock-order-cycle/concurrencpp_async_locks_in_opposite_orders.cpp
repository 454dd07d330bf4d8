// A ledger and a fee table, each behind a concurrencpp async_lock, call into
// each other: settle() holds the ledger's lock while it asks the fee table
// for a rate, and refresh() holds the fee table's while it books the
// adjustment in the ledger. Two such coroutines on the pool can each hold
// one lock and wait forever for the other.
#include <memory>
#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

namespace cc = concurrencpp;

class fee_table;

class ledger {
public:
  explicit ledger(std::shared_ptr<cc::thread_pool_executor> pool) : pool_(pool) {}
  cc::lazy_result<void> settle(fee_table &fees, int amount);
  cc::lazy_result<void> book(int amount) {
    auto guard = co_await lock_.lock(pool_); // expect-path: lock-order-cycle {{'ledger::lock_' acquired here while 'fee_table::lock_' is held}}
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
    auto guard = co_await lock_.lock(pool_); // expect-path: lock-order-cycle {{'fee_table::lock_' acquired here while 'ledger::lock_' is held}}
    co_return rate_;
  }
  cc::lazy_result<void> refresh(ledger &books) {
    auto guard = co_await lock_.lock(pool_); // expect-path: lock-order-cycle {{'fee_table::lock_' acquired here}}
    rate_ += 1;
    co_await books.book(-rate_); // expect-warning: lock-order-cycle {{possible deadlock: mutexes are acquired in inconsistent orders}}
  }

private:
  std::shared_ptr<cc::thread_pool_executor> pool_;
  cc::async_lock lock_;
  int rate_ = 2;
};

cc::lazy_result<void> ledger::settle(fee_table &fees, int amount) {
  auto guard = co_await lock_.lock(pool_); // expect-path: lock-order-cycle {{'ledger::lock_' acquired here}}
  int rate = co_await fees.rate();
  balance_ -= amount * rate;
}
