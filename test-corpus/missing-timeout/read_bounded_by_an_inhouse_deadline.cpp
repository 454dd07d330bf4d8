// A command read from the peer is awaited through an in-house deadline
// combinator, declared but not defined in this unit: handed the read's task
// and a duration, and awaited for what it returns, it bounds the read.
// expect-no-findings
#include <chrono>
#include <fake/coro.h>
#include <inhouse/deadline.h>

fake::task<int> read_command(fake::connection &peer) {
  co_return co_await peer.read();
}

fake::task<int> serve(fake::connection &peer) {
  int command = co_await inhouse::within(read_command(peer),
                                         std::chrono::milliseconds(5000));
  co_return command;
}
