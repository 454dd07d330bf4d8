// Nightly reconciliation between regional ledger books. Each book hands
// out its mutex through an accessor, and `reconcile(from, to)` locks the
// book it reads before the book it writes. Three threads reconcile down a
// chain, US into EU, EU into APAC, APAC into LATAM: every pair of books is
// taken in one order only, so no thread can wait for one that waits for
// it. The twin, ledger_books_reconciled_through_accessors_in_opposite_orders.cpp,
// reconciles two books both ways.
// expect-no-findings
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
  std::lock_guard<std::mutex> writing(to.mutex());
  to.post(from.balance() / 100);
  std::printf("%s -> %s\n", from.region().c_str(), to.region().c_str());
}

int main() {
  LedgerBook us("us"), eu("eu"), apac("apac"), latam("latam");
  std::thread first([&] { reconcile(us, eu); });
  std::thread second([&] { reconcile(eu, apac); });
  std::thread third([&] { reconcile(apac, latam); });
  first.join();
  second.join();
  third.join();
}
