// The twin of control_pipe_read_after_a_readiness_probe.cpp's console: a
// timer writes a status line into a pipe kept in a field, but nothing in
// the program reads the pipe (its read end goes to a child process, which
// may stop reading). Once 64 KiB are waiting, the write blocks the loop.
#include <fake/coro.h>
#include <unistd.h>

struct reporter {
  int status[2] = {-1, -1};
};

void report(fake::loop &loop, reporter &r) {
  if (::pipe(r.status) != 0)
    return;
  loop.add_periodic_timer(fake::milliseconds(250), [&r] {
    const char alive[] = "alive\n";
    (void)::write(r.status[1], alive, sizeof alive - 1); // expect-warning: blocking-call {{call to 'write' blocks the event loop (writes a file descriptor)}}
  });
  loop.run();
}
