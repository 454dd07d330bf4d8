// The twin of fifo_opened_blocking.cpp: main opens a named pipe with
// O_NONBLOCK, and a timer callback polls it: a read with no writer or no
// data returns at once.
#include <fake/coro.h>
#include <fcntl.h>
#include <unistd.h>

int commands = -1;

void poll_commands() {
  char buf[128];
  read(commands, buf, sizeof buf);
}

int main() {
  commands = open("/run/app/commands", O_RDONLY | O_NONBLOCK);
  fake::loop loop;
  loop.add_periodic_timer(fake::milliseconds(100), poll_commands);
  loop.run();
}
// expect-no-findings
