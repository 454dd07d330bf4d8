// A batch worker and a loop timer both write through the audit helper. The
// worker may block; the timer callback runs on the loop, and its call is
// the one finding, however many blocking calls the helper makes. The twin,
// audit-helper-called-by-worker-and-pool/, hands the loop's write to a
// worker.
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
    append_audit("heartbeat"); // expect-warning: blocking-call {{call to 'append_audit' reaches 'fopen', which blocks the event loop (opens a file)}}
  });
}
