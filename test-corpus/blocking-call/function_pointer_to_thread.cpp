// Handing a function to std::thread is a reference to it, not a call: the
// sleep runs on the new thread.
// expect-no-findings
#include <fake/coro.h>
#include <thread>

void slow_job() { std::this_thread::sleep_for(std::chrono::seconds(1)); }

fake::task<void> kick_off() {
  std::thread t(slow_job);
  t.detach();
  co_return;
}
