// A semaphore that only ever loses units: every acquire takes one for good,
// and nothing in the program releases any. Once the units it starts with are
// gone, every later wait hangs.
#include <fake/coro.h>

static fake::semaphore tickets{8};

fake::task<void> admit() {
  co_await tickets.acquire(); // expect-warning: never-signaled {{'tickets' (semaphore) is awaited, but nothing in the program signals it: waits beyond the units it starts with never complete}}
}
