// A billing service wires two in-house futures (async_simple's shape) so
// that each one's continuation fulfils the other's promise: the plan is
// priced once the quota is read, and the quota is read once the plan is
// priced. Neither promise is fulfilled otherwise, so neither continuation
// ever runs. The library's own wrapper of the callable (the state's lambda
// that calls it) runs it only as chained.
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::slot_promise<int> quota_read;
inhouse::slot_promise<int> plan_priced;

void wire_billing() {
  auto quota = quota_read.get_future();
  auto plan = plan_priced.get_future();
  quota.then([](int q) { plan_priced.set_value(q * 3); }); // expect-error: wait-cycle {{deadlock: 'plan_priced' is signalled only after 'quota_read' is signalled, and 'quota_read' is signalled only after 'plan_priced' is signalled}}
  plan.then_value([](int p) { quota_read.set_value(p / 3); }); // expect-path: wait-cycle {{'wire_billing' waits for 'plan_priced' here}}
}

// Awaited elsewhere, as the service's request path does.
inhouse::slot_promise<int> invoice_sent;
inhouse::task<int> send_invoice() {
  int id = co_await invoice_sent.get_future();
  co_return id;
}
