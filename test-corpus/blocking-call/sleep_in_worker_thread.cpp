// Blocking work handed to a thread is where blocking belongs.
// expect-no-findings
#include <fake/coro.h>
#include <thread>

fake::task<void> start_background_job() {
  std::thread worker([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
  worker.detach();
  co_return;
}
