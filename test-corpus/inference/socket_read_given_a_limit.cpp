// The twin of socket_read_left_at_no_limit.cpp: the same read given a
// limit, which read() hands to the reactor: a silent client is dropped
// after five seconds.
// expect-no-findings
#include <chrono>
#include <inhouse/socket.h>

inhouse::task<long> next_request(inhouse::connection &client,
                                 char (&buf)[512]) {
  long n = co_await client.read(buf, sizeof buf, std::chrono::seconds{5});
  co_return n;
}
