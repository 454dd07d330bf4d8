// The twin of audit-helper-called-by-worker-and-loop/: the timer callback
// hands its audit write to a thread of its own, so the loop only starts it.
// expect-no-findings
#include "audit.h"
#include <fake/coro.h>
#include <thread>

void export_batch() {
  for (int i = 0; i < 100; ++i)
    append_audit("exported");
}

void start(fake::loop &loop) {
  std::thread batch(export_batch);
  batch.detach();
  loop.add_periodic_timer(fake::milliseconds(1000), [] {
    std::thread([] { append_audit("heartbeat"); }).detach();
  });
}
