// The twin of read_given_its_own_timeout.cpp: the same read without the
// argument waits as long as the peer stays silent.
#include <fake/coro.h>

fake::task<int> next_command(fake::connection &peer) {
  int command = co_await peer.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
  co_return command;
}
