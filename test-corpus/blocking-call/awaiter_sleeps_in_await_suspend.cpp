// A hand-written awaiter backs off before a retry by sleeping in
// await_suspend, then resumes the coroutine itself. await_suspend runs on the
// thread of the coroutine that awaits, here the loop's: the sleep stalls the
// loop as if the coroutine had called it. The twin,
// awaiter_arms_a_timer_in_await_suspend.cpp, hands the resumption to a timer.
#include <chrono>
#include <fake/coro.h>
#include <thread>

struct backoff {
  std::chrono::milliseconds delay;
  bool await_ready() const noexcept { return delay.count() == 0; }
  void await_suspend(std::coroutine_handle<> waiting) {
    std::this_thread::sleep_for(delay); // expect-path: blocking-call {{'std::this_thread::sleep_for' blocks here}} expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
    waiting.resume();
  }
  void await_resume() const noexcept {}
};

fake::task<void> fetch_with_retry(fake::event &reply) {
  co_await fake::yield_now();
  for (int attempt = 0; attempt < 3; ++attempt) {
    co_await backoff{std::chrono::milliseconds(100 * attempt)};
    co_await reply;
  }
}
