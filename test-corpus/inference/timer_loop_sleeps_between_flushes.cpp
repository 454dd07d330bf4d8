// The twin of timer_loop_sleeps_until_flag.cpp: the loop on the in-house
// timer loop flushes its counters on every tick, and the flag only says when
// to stop doing that work. Not polling.
// expect-no-findings
#include <chrono>
#include <cstdio>
#include <inhouse/task.h>
#include <inhouse/timer_loop.h>

bool shutting_down = false;
int flushed = 0;

void flush_counters() { std::printf("%d\n", ++flushed); }

inhouse::task<int> flush_until_shutdown(inhouse::timer_loop &loop) {
  while (!shutting_down) {
    flush_counters();
    co_await loop.after(std::chrono::milliseconds(10));
  }
  co_return 0;
}

inhouse::task<int> shut_down(inhouse::timer_loop &loop) {
  co_await loop.after(std::chrono::milliseconds(40));
  shutting_down = true;
  co_return 0;
}
