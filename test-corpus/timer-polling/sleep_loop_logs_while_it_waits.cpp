// A background coroutine waits for a stop request by sleeping in a loop; on
// each tick it prints how many jobs are queued. Printing and reading the
// queue's size are side work: the loop still ends only when another
// function sets the flag, so it is polling.
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

private:
  std::vector<int> jobs_;
};

std::atomic<bool> stop_requested{false};

fake::task<void> report_until_stopped(job_queue &queue) {
  while (!stop_requested.load()) { // expect-warning: timer-polling {{sleeps in a loop until 'stop_requested' changes: it wakes up on every tick for nothing and notices the change late; 'stop_requested' is set in 'request_stop'}}
    std::printf("%zu jobs queued\n", queue.size());
    co_await fake::sleep_for(20ms);
  }
}

void request_stop() { stop_requested.store(true); }
