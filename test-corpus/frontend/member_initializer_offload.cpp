// A thread started in a constructor's member initializer runs its function on
// a worker; a lambda posted there runs on the loop.
#include <fake/coro.h>
#include <thread>

void drain_queue() {}
void greet() {}

struct Server {
  explicit Server(fake::loop &l)
      : loop(l), worker(drain_queue), ready((l.post([] { greet(); }), true)) {}
  fake::loop &loop;
  std::thread worker;
  bool ready;
};
// expect-edge: Server::Server offload drain_queue
// expect-edge: drain_queue runs-on worker
// expect-edge: Server::Server loop-callback (lambda at member_initializer_offload.cpp:11:*)
// expect-edge: greet runs-on loop
// expect-no-findings
