// A coroutine on the loop counts hits under a mutex that a flusher thread
// holds while it sleeps between batches: the loop waits out the sleep.
#include <chrono>
#include <fake/coro.h>
#include <mutex>
#include <thread>

std::mutex stats_mutex;
int hits = 0;

fake::task<void> count_hit() {
  stats_mutex.lock(); // expect-warning: blocking-call {{'std::mutex::lock' on the event loop waits for the mutex while 'flush_stats' holds it across 'std::this_thread::sleep_for'}}
  ++hits;
  stats_mutex.unlock();
  co_return;
}

void flush_stats() {
  for (;;) {
    std::lock_guard<std::mutex> hold(stats_mutex);
    hits = 0;
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
}

void start_flusher() { std::thread(flush_stats).detach(); }
