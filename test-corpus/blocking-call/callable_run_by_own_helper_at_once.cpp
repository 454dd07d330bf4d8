// The twin of callable_handed_to_own_pool_helper.cpp: the project's helper
// calls the lambda at once, on the thread that called it, which is the loop
// that resumed the coroutine.
#include <fake/coro.h>
#include <thread>

template <class Work> void run_now(Work work) { work(); }

fake::task<void> save_report() {
  co_await fake::yield_now();
  run_now([] { std::this_thread::sleep_for(std::chrono::milliseconds(300)); }); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
}
