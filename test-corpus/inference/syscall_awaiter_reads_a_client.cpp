// A handler reads a client's request through an in-house awaiter over
// ::recv with no deadline: a client that connects and sends nothing holds
// the handler for ever. The awaiters share a CRTP base whose await_suspend
// calls each one's syscall(); corolint infers from recv_op's own syscall()
// that awaiting what raw_socket::recv returns waits for a peer.
#include <inhouse/syscall_socket.h>
#include <inhouse/task.h>

inhouse::task<long> handle(inhouse::raw_socket &client) {
  char request[256];
  long n = co_await client.recv(request, sizeof request); // expect-warning: missing-timeout {{'inhouse::raw_socket::recv' waits for a peer with no deadline}}
  co_return n;
}
