// A connection writes what the socket takes and leaves the rest for when
// the loop says it is writable: it handles EAGAIN, so the code was written
// for a non-blocking socket, whose mode was set where the analysis cannot
// follow (a framework's accept hands the descriptor in). Such a write
// returns at once. The twin, write_without_would_block_handling.cpp, does
// not handle EAGAIN.
// expect-no-findings
#include <cerrno>
#include <fake/coro.h>
#include <unistd.h>

static bool would_block() { return errno == EAGAIN || errno == EWOULDBLOCK; }

class connection {
public:
  explicit connection(int fd) : fd_(fd) {}
  long send_some(const char *data, unsigned long size) {
    long written = ::write(fd_, data, size);
    if (written < 0 && would_block())
      return 0; // The rest goes out when the socket is writable again.
    return written;
  }

private:
  int fd_;
};

void on_accepted(fake::loop &loop, int fd) {
  auto *c = new connection(fd);
  loop.post([c] { c->send_some("hello", 5); });
}
