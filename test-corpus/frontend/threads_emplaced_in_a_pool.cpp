// A pool constructs its threads in place: `emplace_back(callable)` on a
// vector of std::thread hands the callable to std::thread's constructor, so
// the callable runs on a worker, not in the caller. Emplacing into a vector
// of another class (a job record) starts nothing: that callable is stored.
#include <functional>
#include <thread>
#include <vector>

void drain_queue() {}
void record() {}

struct job {
  explicit job(std::function<void()> f) : run(std::move(f)) {}
  std::function<void()> run;
};

int main() {
  std::vector<std::thread> workers;
  for (int i = 0; i < 2; ++i)
    workers.emplace_back([] { drain_queue(); });
  std::vector<job> jobs;
  jobs.emplace_back([] { record(); });
  for (auto &t : workers)
    t.join();
}
// expect-edge: main offload (lambda at threads_emplaced_in_a_pool.cpp:20:*)
// expect-edge: drain_queue runs-on worker
// expect-no-edge: main offload (lambda at threads_emplaced_in_a_pool.cpp:22:*)
// expect-no-edge: record runs-on worker
// expect-no-findings
