// The twin of slot_continuations_fulfil_each_other.cpp: the quota is read
// from the configuration, not from the priced plan, and the plan's
// continuation sends the invoice instead: each promise is fulfilled by what
// comes before it, and the chain runs through.
// expect-no-findings
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::slot_promise<int> quota_read;
inhouse::slot_promise<int> plan_priced;
inhouse::slot_promise<int> invoice_sent;

int quota_from_config() { return 30; }

void wire_billing() {
  auto quota = quota_read.get_future();
  auto plan = plan_priced.get_future();
  quota.then([](int q) { plan_priced.set_value(q * 3); });
  plan.then_value([](int p) { invoice_sent.set_value(p / 3); });
  quota_read.set_value(quota_from_config());
}

// Awaited elsewhere, as the service's request path does.
inhouse::task<int> send_invoice() {
  int id = co_await invoice_sent.get_future();
  co_return id;
}
