// The read is bounded only if every caller bounds it: 'login' does, but
// 'stream_updates' in another file awaits it bare.
#include "protocol.h"

fake::task<int> next_message(fake::connection &c) {
  co_return co_await c.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
}
