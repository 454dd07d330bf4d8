// A background coroutine flushes the queue's counters on every tick until a
// stop request: the flush is the loop's work, done once per tick, and the
// flag only says when to stop doing it. Not polling.
// expect-no-findings
#include <fake/coro.h>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <vector>

using namespace std::chrono_literals;

class job_queue {
public:
  std::size_t size() const { return jobs_.size(); }
  void add(int job) { jobs_.push_back(job); }
  void flush_counters() { flushed_ += jobs_.size(); }

private:
  std::vector<int> jobs_;
  std::size_t flushed_ = 0;
};

std::atomic<bool> stop_requested{false};

fake::task<void> flush_until_stopped(job_queue &queue) {
  while (!stop_requested.load()) {
    std::printf("%zu jobs queued\n", queue.size());
    queue.flush_counters();
    co_await fake::sleep_for(20ms);
  }
}

void request_stop() { stop_requested.store(true); }
