// The same two handlers, but the client signals before it waits: no cycle.
// expect-no-findings
#include <fake/coro.h>

fake::event request_ready;
fake::event reply_ready;

fake::task<void> server() {
  co_await request_ready;
  reply_ready.set();
}

fake::task<void> client() {
  request_ready.set();
  co_await reply_ready;
}
