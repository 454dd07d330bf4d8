// A request handler on an in-house epoll connection reads the next request
// with read()'s default limit, zero, which waits for ever: a client that
// connects and goes quiet holds the handler and its connection. No model
// describes the library; corolint infers that read() waits for a peer (it
// calls ::recv and suspends) and that its duration is its timeout.
#include <inhouse/socket.h>

inhouse::task<long> next_request(inhouse::connection &client,
                                 char (&buf)[512]) {
  long n = co_await client.read(buf, sizeof buf); // expect-warning: missing-timeout {{'inhouse::connection::read' waits for a peer with no deadline}}
  co_return n;
}
