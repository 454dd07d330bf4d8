// The twin of syscall_awaiter_reads_a_client.cpp: the same kind of awaiter
// over ::accept. An accept loop waits for the next client by design, and no
// one client can hold it, so it needs no deadline: the awaiter is inferred
// to accept, not to wait for a peer.
// expect-no-findings
#include <inhouse/syscall_socket.h>
#include <inhouse/task.h>

inhouse::task<long> next_client(inhouse::raw_socket &listener) {
  long fd = co_await listener.accept();
  co_return fd;
}
