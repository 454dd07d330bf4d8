// The signal is in a helper; every call of the helper comes after the wait.
#include <fake/coro.h>

fake::event ping;
fake::event pong;

void send_pong() { pong.set(); } // expect-path: wait-cycle {{only then 'pong' is signalled}}

fake::task<void> ponger() {
  co_await ping; // expect-path: wait-cycle {{'ponger' waits for 'ping' here}}
  send_pong();
}

fake::task<void> pinger() {
  co_await pong; // expect-error: wait-cycle {{'ping' is signalled only after 'pong' is signalled}}
  ping.set();
}
