// The twin of loop_callback_sync_waits_for_a_task.cpp: main() runs the task
// to its end with the in-house sync_wait() before it starts the loop, on a
// thread that no loop runs on, and the callback only reads the result.
// expect-no-findings
#include <inhouse/loop.h>
#include <inhouse/sync_wait.h>
#include <inhouse/task.h>

inhouse::task<int> fetch_quota() { co_return 42; }

void report_quota(inhouse::event_loop &loop, int quota) {
  loop.post([quota] { (void)quota; });
}

int main() {
  inhouse::event_loop loop;
  int quota = inhouse::sync_wait(fetch_quota());
  report_quota(loop, quota);
  loop.run();
}
