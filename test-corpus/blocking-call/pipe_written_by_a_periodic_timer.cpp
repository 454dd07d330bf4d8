// A twin of pipe_written_once_by_test_coroutine.cpp: the pipe is still a
// local of the function that makes it, but the lambda that writes into it
// is handed to a periodic timer, so it writes once per tick, for as long as
// the loop runs. When the reader falls 64 KiB behind, the write blocks.
#include <array>
#include <cstdint>
#include <fake/coro.h>
#include <unistd.h>

void tick_into_pipe(fake::loop &loop) {
  std::array<int, 2> fds{};
  if (::pipe(fds.data()) != 0)
    return;
  loop.add_periodic_timer(fake::milliseconds(1), [&fds] {
    std::uint64_t tick = 1;
    auto written = ::write(fds[1], &tick, sizeof(tick)); // expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
    (void)written;
  });
  loop.run();
  ::close(fds[0]);
  ::close(fds[1]);
}
