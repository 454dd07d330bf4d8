// Each handler waits for the event the other sets only after its own wait.
#include <fake/coro.h>

fake::event request_ready;
fake::event reply_ready;

fake::task<void> server() {
  co_await request_ready; // expect-error: wait-cycle {{deadlock: 'reply_ready' is signalled only after 'request_ready' is signalled, and 'request_ready' is signalled only after 'reply_ready' is signalled}}
  reply_ready.set();      // expect-path: wait-cycle {{only then 'reply_ready' is signalled}}
}

fake::task<void> client() {
  co_await reply_ready;   // expect-path: wait-cycle {{'client' waits for 'reply_ready' here}}
  request_ready.set();
}
