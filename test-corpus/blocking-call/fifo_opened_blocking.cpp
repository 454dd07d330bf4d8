// The twin of fifo_opened_nonblocking.cpp: opened without O_NONBLOCK, the
// named pipe's read waits for a writer's data, and the loop with it.
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

int commands = -1;

void poll_commands() {
  char buf[128];
  read(commands, buf, sizeof buf); // expect-warning: blocking-call {{call to 'read' blocks the event loop}}
}

int main() {
  commands = open("/run/app/commands", O_RDONLY);
  fake::loop loop;
  loop.add_periodic_timer(fake::milliseconds(100), poll_commands);
  loop.run();
}
