// The twin of async_job_reaps_its_own_future.cpp: a parallel sum that runs
// one half of the range with std::async and waits for it. The function the
// task runs is the function that starts it, but each call's future is a new
// object: a task waits for its child, never for itself.
// expect-no-findings
#include <future>
#include <numeric>
#include <vector>

long parallel_sum(const long *begin, const long *end) {
  if (end - begin < 4096)
    return std::accumulate(begin, end, 0L);
  const long *mid = begin + (end - begin) / 2;
  auto upper = std::async(std::launch::async, parallel_sum, mid, end);
  long lower = parallel_sum(begin, mid);
  return lower + upper.get();
}

int main() {
  std::vector<long> values(1 << 16, 1);
  return parallel_sum(values.data(), values.data() + values.size()) ==
                 (1 << 16)
             ? 0
             : 1;
}
