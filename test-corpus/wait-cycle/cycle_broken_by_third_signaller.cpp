// The handlers wait on each other, but a timer callback sets one event
// without waiting for anything, which starts the chain.
// expect-no-findings
#include <fake/coro.h>

fake::event request_ready;
fake::event reply_ready;

fake::task<void> server() {
  co_await request_ready;
  reply_ready.set();
}

fake::task<void> client() {
  co_await reply_ready;
  request_ready.set();
}

void kick(fake::loop &loop) {
  loop.add_timer(fake::milliseconds(1), [] { request_ready.set(); });
}
