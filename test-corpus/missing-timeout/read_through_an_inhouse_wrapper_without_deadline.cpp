// The twin of read_bounded_by_an_inhouse_deadline.cpp: the in-house wrapper
// the read goes through only logs how long it took. Handed no duration, it
// bounds nothing, and the read waits for the peer with no deadline.
#include <fake/coro.h>
#include <inhouse/deadline.h>

fake::task<int> read_command(fake::connection &peer) {
  co_return co_await peer.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
}

fake::task<int> serve(fake::connection &peer) {
  int command = co_await inhouse::timed(read_command(peer), "command");
  co_return command;
}
