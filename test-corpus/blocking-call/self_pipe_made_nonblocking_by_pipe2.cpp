// The twin of self_pipe_blocking.cpp: the wake-up pipe is created with
// pipe2(O_NONBLOCK), so waking the loop writes without ever blocking (a full
// pipe returns EAGAIN, and the loop is woken anyway).
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

class wakeup_queue {
public:
  wakeup_queue() { pipe2(fds_, O_NONBLOCK | O_CLOEXEC); }
  ~wakeup_queue() {
    close(fds_[0]);
    close(fds_[1]);
  }

  bool push(void *item) {
    return write(fds_[1], &item, sizeof item) == sizeof item;
  }

private:
  int fds_[2];
};

wakeup_queue queue;

fake::task<void> producer(void *item) {
  co_await fake::yield_now();
  queue.push(item);
}
// expect-no-findings
