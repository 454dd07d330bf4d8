// The twin of self_pipe_made_nonblocking_by_pipe2.cpp: the wake-up pipe is
// created blocking, so a write into a full pipe stops the loop until its
// reader drains it.
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

class wakeup_queue {
public:
  wakeup_queue() { pipe2(fds_, O_CLOEXEC); }
  ~wakeup_queue() {
    close(fds_[0]);
    close(fds_[1]);
  }

  bool push(void *item) {
    return write(fds_[1], &item, sizeof item) == sizeof item; // expect-path: blocking-call {{'write' blocks here}} expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
  }

private:
  int fds_[2];
};

wakeup_queue queue;

fake::task<void> producer(void *item) {
  co_await fake::yield_now();
  queue.push(item);
}
