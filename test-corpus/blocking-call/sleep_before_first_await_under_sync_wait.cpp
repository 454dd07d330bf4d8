// A coroutine that main runs with sync_wait sleeps before its first co_await:
// until it first suspends, a coroutine runs on the thread that started it,
// main's, which waits for it anyway. No event loop stalls.
#include <fake/coro.h>
#include <thread>

fake::task<void> download_ranges() {
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  co_await fake::yield_now();
}

int main() { fake::sync_wait(download_ranges()); }
// expect-no-findings
