// A synchronous mutex on the loop blocks it while another thread holds it:
// reported as a note, since short critical sections are common.
#include <fake/coro.h>
#include <mutex>

std::mutex stats_mutex;
int hits = 0;

fake::task<void> count_hit() {
  stats_mutex.lock(); // expect-note: blocking-call {{'std::mutex::lock' on the event loop blocks it while another thread holds the mutex}}
  ++hits;
  stats_mutex.unlock();
  co_return;
}
