// The twin of own_sleep_coroutine_is_not_posix_sleep.cpp: the C library's
// sleep, called in a coroutine after it has suspended, blocks the loop that
// resumed it.
#include <fake/coro.h>
#include <unistd.h>

fake::task<void> throttled_producer() {
  for (int i = 0; i < 3; ++i) {
    co_await fake::yield_now();
    sleep(1); // expect-warning: blocking-call {{call to 'sleep' blocks the event loop (sleeps)}}
  }
}
