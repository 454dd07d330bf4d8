// The twin of pool_sleep_loop_until_flag.cpp: the loop on the in-house pool
// flushes its counters on every tick, and the flag only says when to stop
// doing that work. Not polling.
// expect-no-findings
#include <atomic>
#include <chrono>
#include <cstdio>
#include <inhouse/pool.h>
#include <inhouse/task.h>

std::atomic<bool> shutting_down{false};
int flushed = 0;

void flush_counters() { std::printf("%d\n", ++flushed); }

inhouse::task<int> flush_until_shutdown(inhouse::pool &workers) {
  co_await workers.schedule();
  while (!shutting_down.load()) {
    flush_counters();
    co_await workers.sleep_for(std::chrono::milliseconds(5));
  }
  co_return 0;
}

void shut_down() { shutting_down.store(true); }
