// The twin of io_context_polls_until_flag.cpp: the loop on the in-house
// user-run loop publishes its statistics on every tick, and the flag only
// says when to stop doing that work. Not polling.
// expect-no-findings
#include <chrono>
#include <cstdio>
#include <inhouse/io_context.h>
#include <inhouse/task.h>
#include <thread>

bool draining = false;
int published = 0;

void publish_stats() { std::printf("%d\n", ++published); }

inhouse::task<int> report(inhouse::io_context &io) {
  co_await io.schedule();
  while (!draining) {
    publish_stats();
    co_await io.schedule_after(std::chrono::milliseconds(5));
  }
  co_return 0;
}

inhouse::task<int> drain(inhouse::io_context &io) {
  co_await io.schedule();
  draining = true;
  co_return 0;
}

int main() {
  inhouse::io_context io;
  std::thread runner([&] { io.process_events(); });
  runner.join();
}
