// The twin of eventfd_created_nonblocking.cpp: a counter created without
// EFD_NONBLOCK makes the read wait until something is counted.
#include <cstdint>
#include <fake/coro.h>
#include <sys/eventfd.h>
#include <unistd.h>

class waker {
public:
  waker() { counter_ = eventfd(0, EFD_CLOEXEC); }
  std::uint64_t drain() {
    std::uint64_t n = 0;
    read(counter_, &n, sizeof n); // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
    return n;
  }

private:
  int counter_ = -1;
};

void drain_every_tick(fake::loop &loop, waker &w) {
  loop.add_periodic_timer(fake::milliseconds(10), [&w] { w.drain(); });
}
