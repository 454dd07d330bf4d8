// The twin of pipe_made_nonblocking_element_by_element.cpp: the range-for
// sets only close-on-exec on each descriptor (a descriptor flag, F_SETFD),
// so the pipe stays blocking and the loop's wake-up write can block.
#include <array>
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

class wake_pipe {
public:
  wake_pipe() {
    ::pipe(fds_.data());
    for (const auto &fd : fds_) {
      int flags = fcntl(fd, F_GETFD);
      flags |= FD_CLOEXEC;
      fcntl(fd, F_SETFD, flags);
    }
  }

  const int &write_end() const { return fds_[1]; }
  long notify() {
    char one = 1;
    return ::write(write_end(), &one, 1); // expect-path: blocking-call {{'write' blocks here}} expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
  }

private:
  std::array<int, 2> fds_{-1, -1};
};

void wake_on_tick(fake::loop &loop, wake_pipe &pipe) {
  loop.post([&pipe] { pipe.notify(); }); // expect-path: blocking-call {{is handed to the event loop here}}
}
