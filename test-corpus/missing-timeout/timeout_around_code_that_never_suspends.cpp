// A deadline around a coroutine that never suspends cannot fire: the timer is
// only looked at once the coroutine gives the loop back, and this one runs to
// the end first. The deadline around the real read below is fine.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

fake::task<int> checksum(const char *data, int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i)
    sum += data[i];
  co_return sum;
}

fake::task<int> next_message(fake::connection &c) {
  co_return co_await c.read();
}

fake::task<void> handle(fake::connection &c, const char *data) {
  int sum = co_await fake::with_timeout(checksum(data, 4096), 10ms); // expect-warning: missing-timeout {{'fake::with_timeout' bounds 'checksum', which never suspends: it runs to the end before the timer can fire, so the deadline is never enforced}}
  int msg = co_await fake::with_timeout(next_message(c), 5000ms);
  (void)sum;
  (void)msg;
}
