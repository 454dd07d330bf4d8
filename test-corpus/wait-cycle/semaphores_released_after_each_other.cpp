// Two semaphores used as events: each coroutine releases the other's only
// after taking a unit of its own. If both start empty, neither wait ever
// completes. The analysis does not know their initial counts, so the cycle
// is a possible deadlock (warning) that names the semaphores.
#include <fake/coro.h>

fake::semaphore request_ready{0};
fake::semaphore reply_ready{0};

fake::task<void> client() {
  co_await reply_ready.acquire(); // expect-note: wait-cycle {{'client' waits for 'reply_ready' here}}
  request_ready.release();       // expect-note: wait-cycle {{only then 'request_ready' is signalled}}
}

fake::task<void> server() {
  co_await request_ready.acquire(); // expect: wait-cycle {{possible deadlock: 'reply_ready' is signalled only after 'request_ready' is signalled, and 'request_ready' is signalled only after 'reply_ready' is signalled; it hangs unless semaphore 'reply_ready' or 'request_ready' starts with units}}
  reply_ready.release();
}
