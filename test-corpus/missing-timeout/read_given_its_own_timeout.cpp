// A read called with a timeout of its own fails once the peer has been
// silent that long: the operation is bounded by its argument, as libcoro's
// read_some(buffer, 50ms) and QCoro's readLine(1024, 5s) are.
#include <fake/coro.h>

fake::task<int> next_command(fake::connection &peer) {
  int command = co_await peer.read(fake::milliseconds(5000));
  co_return command;
}
// expect-no-findings
