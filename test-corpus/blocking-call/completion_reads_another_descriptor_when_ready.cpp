// The twin of completion_stored_until_descriptor_ready.cpp: the awaiter
// asks the loop to watch the socket, but the completion it keeps reads a
// different descriptor, a journal file the watch says nothing about, so
// that read still blocks the loop when the callback runs.
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

struct watcher {
  void watch(int fd, std::function<void()> ready);
};
watcher poller;

struct replay_journal {
  int socket_fd;
  int journal_fd;
  char *buffer;
  unsigned long size;
  long result = 0;
  std::function<long()> complete_;

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiting) {
    complete_ = [this] { return ::read(journal_fd, buffer, size); }; // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
    poller.watch(socket_fd, [this, waiting] {
      result = complete_();
      waiting.resume();
    });
  }
  long await_resume() const noexcept { return result; }
};

fake::task<long> replay(int socket_fd, int journal_fd, char *buffer) {
  co_await fake::yield_now();
  co_return co_await replay_journal{socket_fd, journal_fd, buffer, 16};
}
