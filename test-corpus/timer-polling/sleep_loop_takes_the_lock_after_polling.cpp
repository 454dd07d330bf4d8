// The fix of sleep_loop_polls_under_its_own_lock.cpp: the poller takes the
// registry's mutex only once the flag is set, so the loader can take it to
// set the flag; the poll is slow, not stuck.
// expect-no-findings
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

class model_registry {
public:
  fake::task<void> load() {
    co_await fake::sleep_for(80ms);
    fake::async_lock_guard lk = co_await mutex_.lock();
    loaded_ = true;
  }

  fake::task<int> wait_until_loaded() {
    while (!loaded_)
      co_await fake::sleep_for(20ms);
    fake::async_lock_guard lk = co_await mutex_.lock();
    co_return version_;
  }

private:
  fake::async_mutex mutex_;
  bool loaded_ = false;
  int version_ = 0;
};
