// The twin of awaiter_sleeps_in_await_suspend.cpp: await_suspend hands the
// resumption to a loop timer and returns, so the loop runs others meanwhile.
#include <chrono>
#include <fake/coro.h>

fake::loop main_loop;

struct backoff {
  std::chrono::milliseconds delay;
  bool await_ready() const noexcept { return delay.count() == 0; }
  void await_suspend(std::coroutine_handle<> waiting) {
    main_loop.add_timer(fake::milliseconds(delay.count()),
                        [waiting] { waiting.resume(); });
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
// expect-no-findings
