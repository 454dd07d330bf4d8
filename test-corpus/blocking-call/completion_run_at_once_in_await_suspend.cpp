// The twin of completion_stored_until_descriptor_ready.cpp: await_suspend
// does the read itself before handing the coroutine back, on the thread of
// the coroutine that awaits, here the loop's, and the descriptor is
// blocking.
#include <fake/coro.h>
#include <unistd.h>

struct read_some {
  int fd;
  char *buffer;
  unsigned long size;
  long result = 0;

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiting) {
    result = ::read(fd, buffer, size); // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
    waiting.resume();
  }
  long await_resume() const noexcept { return result; }
};

fake::task<long> read_header(int fd, char *buffer) {
  co_await fake::yield_now();
  co_return co_await read_some{fd, buffer, 16};
}
