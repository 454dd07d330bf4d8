// Nightly reconciliation between regional ledger books. Each book hands
// out its mutex through an accessor, and `reconcile(from, to)` locks the
// book it reads before the book it writes. One thread reconciles the US
// book into the EU book while another reconciles the EU book into the US
// book: each can hold the mutex the other wants next. The twin,
// ledger_books_reconciled_through_accessors_down_a_chain.cpp, runs a chain
// of reconciliations that never takes two books both ways.
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>

class LedgerBook {
public:
  explicit LedgerBook(std::string region) : region_(std::move(region)) {}
  std::mutex &mutex() { return mutex_; }
  long balance() const { return balance_; }
  void post(long cents) { balance_ += cents; }
  const std::string &region() const { return region_; }

private:
  std::string region_;
  std::mutex mutex_;
  long balance_ = 0;
};

void reconcile(LedgerBook &from, LedgerBook &to) {
  std::lock_guard<std::mutex> reading(from.mutex());
  std::lock_guard<std::mutex> writing(to.mutex()); // expect-warning: lock-order-cycle {{'us.mutex()' before 'eu.mutex()' in 'reconcile'}}
  to.post(from.balance() / 100);
  std::printf("%s -> %s\n", from.region().c_str(), to.region().c_str());
}

int main() {
  LedgerBook us("us"), eu("eu");
  std::thread westward([&] { reconcile(us, eu); });
  std::thread eastward([&] { reconcile(eu, us); });
  westward.join();
  eastward.join();
}
