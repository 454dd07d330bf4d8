// The twin of pipe_flags_set_element_by_element.cpp: a pipe whose two
// descriptors a range-for makes non-blocking with fcntl after pipe(), since
// pipe2 is not portable. The loop's wake-up write reaches the descriptor
// through a getter that returns an element of the array.
#include <array>
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

class wake_pipe {
public:
  wake_pipe() {
    ::pipe(fds_.data());
    for (const auto &fd : fds_) {
      int flags = fcntl(fd, F_GETFL);
      flags |= O_NONBLOCK;
      fcntl(fd, F_SETFL, flags);
    }
  }

  const int &write_end() const { return fds_[1]; }
  long notify() {
    char one = 1;
    return ::write(write_end(), &one, 1);
  }

private:
  std::array<int, 2> fds_{-1, -1};
};

void wake_on_tick(fake::loop &loop, wake_pipe &pipe) {
  loop.post([&pipe] { pipe.notify(); });
}
// expect-no-findings
