// The twin of header-coroutine-the-program-uses/: the session includes the
// reader's header for its class but only greets the peer, and never reads a
// line, so the template that would call the private coroutine is never
// instantiated. A header's private coroutine that no code reaches does not
// run, so its blocking recv stalls nothing.
// expect-no-findings
#include "line_reader.h"

fake::task<void> session(line_reader &reader, fake::connection &peer) {
  co_await fake::yield_now();
}
