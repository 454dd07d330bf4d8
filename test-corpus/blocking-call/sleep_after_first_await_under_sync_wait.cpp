// The twin of sleep_before_first_await_under_sync_wait.cpp: the same sleep
// after the coroutine's first co_await, where the loop that resumed it runs
// it, so every other task on that loop stalls.
#include <fake/coro.h>
#include <thread>

fake::task<void> download_ranges() { // expect-path: blocking-call {{'download_ranges' is a coroutine: after it suspends, the event loop resumes it}}
  co_await fake::yield_now();
  std::this_thread::sleep_for(std::chrono::milliseconds(200)); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
}

int main() { fake::sync_wait(download_ranges()); }
