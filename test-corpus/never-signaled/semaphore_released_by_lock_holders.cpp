// expect-no-findings
//
// Looks like semaphore_never_released, but 'renew' uses 'tickets' as a lock:
// it gives back every unit it takes, and a unit it gives back can go to the
// waiter in 'admit'.
#include <fake/coro.h>

static fake::semaphore tickets{8};

fake::task<void> admit() {
  co_await tickets.acquire();
}

fake::task<void> renew() {
  co_await tickets.acquire();
  tickets.release();
}
