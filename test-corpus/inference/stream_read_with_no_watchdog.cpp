// A session on an in-house stream over Asio's callback API awaits the
// client's greeting with nothing to end the wait: a client that connects
// and says nothing holds the session for ever. No model describes the
// stream; corolint infers that read_some() waits for a peer, since its
// awaiter starts async_read_some with a handler that resumes the waiter.
#include <inhouse/stream.h>

inhouse::job greet(inhouse::stream &client) {
  char hello[16];
  std::size_t n = co_await client.read_some(boost::asio::buffer(hello)); // expect-warning: missing-timeout {{'inhouse::stream::read_some' waits for a peer with no deadline}}
  (void)n;
}
