// A supervisor's heartbeat timer looks for an operator command on a control
// pipe: a helper polls the pipe's read end with a zero timeout, and the
// command is read only when that says it is readable, so the read finds the
// bytes waiting and returns at once. The console's one-line command is a
// few bytes into a pipe the loop drains: it finds room. The twin,
// control_pipe_read_after_probing_another_pipe.cpp, probes the status pipe
// and then reads the control pipe.
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
  long got = ::read(fd, &command, 1);
  return got == 1 ? command : -1;
}

static int next_command(supervisor &s) {
  if (!readable(s.control[0]))
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
// expect-no-findings
