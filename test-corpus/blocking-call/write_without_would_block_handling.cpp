// The twin of write_retried_on_would_block.cpp: nothing in the code counts on
// the socket being non-blocking, and nothing makes it so; the write on the
// loop waits for the peer to take the data.
#include <cerrno>
#include <fake/coro.h>
#include <unistd.h>

static bool interrupted() { return errno == EINTR; }

class connection {
public:
  explicit connection(int fd) : fd_(fd) {}
  long send_some(const char *data, unsigned long size) {
    long written = ::write(fd_, data, size); // expect-path: blocking-call {{'write' blocks here}} expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
    if (written < 0 && interrupted())
      return 0;
    return written;
  }

private:
  int fd_;
};

void on_accepted(fake::loop &loop, int fd) {
  auto *c = new connection(fd);
  loop.post([c] { c->send_some("hello", 5); });
}
