// The twin of pipe_written_once_by_test_coroutine.cpp: the coroutine writes
// into the blocking pipe once per item, however many there are. When the
// reader falls 64 KiB behind, the write stops the loop until it catches up,
// and if the reader runs on this loop it never does.
#include <array>
#include <cstdint>
#include <fake/coro.h>
#include <unistd.h>

void trigger_each(fake::loop &loop, std::uint64_t items) {
  std::array<int, 2> fds{};
  if (::pipe(fds.data()) != 0)
    return;
  auto make_writer = [](int fd, std::uint64_t count) -> fake::task<void> {
    co_await fake::yield_now();
    for (std::uint64_t i = 0; i < count; ++i) {
      auto written = ::write(fd, &i, sizeof(i)); // expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
      (void)written;
    }
  };
  loop.spawn(make_writer(fds[1], items));
  loop.run();
  ::close(fds[0]);
  ::close(fds[1]);
}
