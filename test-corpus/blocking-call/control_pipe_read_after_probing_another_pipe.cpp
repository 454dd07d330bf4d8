// The twin of control_pipe_read_after_a_readiness_probe.cpp, with the
// probe's descriptor mixed up: the heartbeat polls the status pipe and then
// reads the control pipe, which nothing said was ready. Until the console's
// timer writes (and it runs on the same loop), the read blocks the loop.
#include <fake/coro.h>
#include <poll.h>
#include <unistd.h>

struct supervisor {
  int control[2] = {-1, -1};
  int status[2] = {-1, -1};
};

static bool readable(int fd) {
  pollfd probe = {fd, POLLIN, 0};
  return ::poll(&probe, 1, 0) == 1 && (probe.revents & POLLIN);
}

static int read_command(int fd) {
  char command = 0;
  long got = ::read(fd, &command, 1); // expect-path: blocking-call {{'read' blocks here}} expect-warning: blocking-call {{call to 'read' blocks the event loop (reads a file descriptor)}}
  return got == 1 ? command : -1;
}

static int next_command(supervisor &s) {
  if (!readable(s.status[0]))
    return -1;
  return read_command(s.control[0]);
}

void supervise(fake::loop &loop, supervisor &s) {
  if (::pipe(s.control) != 0 || ::pipe(s.status) != 0)
    return;
  loop.add_periodic_timer(fake::milliseconds(100), [&s] {
    if (next_command(s) == 'q')
      ::close(s.control[0]);
  });
  loop.add_timer(fake::milliseconds(250), [&s] {
    const char quit[] = "q\n";
    (void)::write(s.control[1], quit, sizeof quit - 1);
  });
  loop.run();
}
