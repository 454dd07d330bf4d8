// A background coroutine waits for a stop request by sleeping in a loop; on
// each tick it prints how many jobs are queued. It ends a tick after
// request_stop() runs: a reporter, not a hang.
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

private:
  std::vector<int> jobs_;
};

std::atomic<bool> stop_requested{false};

fake::task<void> report_until_stopped(job_queue &queue) {
  while (!stop_requested.load()) {
    std::printf("%zu jobs queued\n", queue.size());
    co_await fake::sleep_for(20ms);
  }
}

void request_stop() { stop_requested.store(true); }
