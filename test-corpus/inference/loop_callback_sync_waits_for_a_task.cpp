// A callback posted to an in-house event loop runs a task to its end with
// the library's sync_wait(), which blocks the loop's thread until the task
// finishes. That sync_wait() waits for a coroutine, corolint knows only from
// its code: handed an awaitable, it waits on a condition variable on every
// path.
#include <inhouse/loop.h>
#include <inhouse/sync_wait.h>
#include <inhouse/task.h>

inhouse::task<int> fetch_quota() { co_return 42; }

void refresh_quota(inhouse::event_loop &loop, int &quota) {
  loop.post([&quota] {
    quota = inhouse::sync_wait(fetch_quota()); // expect-error: blocking-call {{waits for a coroutine to finish}}
  });
}

int main() {
  inhouse::event_loop loop;
  int quota = 0;
  refresh_quota(loop, quota);
  loop.run();
}
