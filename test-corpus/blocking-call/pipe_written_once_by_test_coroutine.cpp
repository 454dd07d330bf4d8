// A test makes a pipe for itself and starts a coroutine that writes eight
// bytes into it, once, to wake whatever polls the other end. A write that
// small into a pipe that holds nothing else finds room in its 64 KiB: it
// returns at once, though the pipe was made blocking. The twin,
// pipe_written_in_a_loop_by_test_coroutine.cpp, writes until told to stop.
#include <array>
#include <cstdint>
#include <fake/coro.h>
#include <unistd.h>

void trigger_once(fake::loop &loop) {
  std::array<int, 2> fds{};
  if (::pipe(fds.data()) != 0)
    return;
  auto make_writer = [](int fd) -> fake::task<void> {
    co_await fake::yield_now();
    std::uint64_t value = 42;
    auto written = ::write(fd, &value, sizeof(value));
    (void)written;
  };
  loop.spawn(make_writer(fds[1]));
  loop.run();
  ::close(fds[0]);
  ::close(fds[1]);
}
// expect-no-findings
