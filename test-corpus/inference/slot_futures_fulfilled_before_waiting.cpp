// The twin of slot_futures_wait_on_each_other.cpp: read_quota fulfils its
// promise before it awaits the other's future, so open_ledger goes on and
// fulfils the other. No cycle.
// expect-no-findings
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::slot_promise<int> quota_read;
inhouse::slot_promise<int> ledger_opened;

inhouse::task<int> open_ledger() {
  auto quota = quota_read.get_future();
  co_await std::move(quota);
  ledger_opened.set_value(1);
  co_return 0;
}

inhouse::task<int> read_quota() {
  quota_read.set_value(1);
  auto ledger = ledger_opened.get_future();
  co_await std::move(ledger);
  co_return 0;
}
