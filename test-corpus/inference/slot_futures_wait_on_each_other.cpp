// Two coroutines each await the future of an in-house promise (in
// async_simple's shape) that only the other fulfils, and only after its own
// wait. The state keeps the awaiter's resuming lambda in a union member it
// builds in place, reached through the future's set_continuation(); the
// future is awaitable through a free operator co_await. corolint knows the
// pair from the library's code.
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::slot_promise<int> quota_read;
inhouse::slot_promise<int> ledger_opened;

inhouse::task<int> open_ledger() {
  auto quota = quota_read.get_future();
  co_await std::move(quota); // expect-error: wait-cycle {{deadlock: 'ledger_opened' is signalled only after 'quota_read' is signalled, and 'quota_read' is signalled only after 'ledger_opened' is signalled}}
  ledger_opened.set_value(1);
  co_return 0;
}

inhouse::task<int> read_quota() {
  auto ledger = ledger_opened.get_future();
  co_await std::move(ledger); // expect-path: wait-cycle {{'read_quota' waits for 'ledger_opened' here}}
  quota_read.set_value(1); // expect-path: wait-cycle {{only then 'quota_read' is signalled}}
  co_return 0;
}
