// A program's own coroutine named sleep, in the global namespace like the C
// library's: co_await sleep(10ms) suspends on the loop's timer, it does not
// block. A model of the C function sleep names that function only.
#include <fake/coro.h>

fake::task<void> sleep(fake::milliseconds delay) {
  co_await fake::sleep_for(delay);
}

fake::task<void> throttled_producer() {
  for (int i = 0; i < 3; ++i)
    co_await sleep(fake::milliseconds(10));
}
// expect-no-findings
