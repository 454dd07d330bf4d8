// The timeout of a read is passed inside the braces of its options, as
// libcoro's `recv(buffer, {30s})` passes an optional duration: the read is
// bounded by it. The same read given empty options has no deadline.
#include <fake/coro.h>

fake::task<int> next_command(fake::connection &peer) {
  int command = co_await peer.read_with({fake::milliseconds(5000)});
  co_return command;
}

fake::task<int> next_command_unbounded(fake::connection &peer) {
  int command = co_await peer.read_with({}); // expect-warning: missing-timeout {{'fake::connection::read_with' waits for a peer with no deadline}}
  co_return command;
}
