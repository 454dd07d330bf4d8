// The twin of async_job_erases_its_own_future.cpp: a table of deferred
// computations, each of which, once it has its value, drops a cell it no
// longer needs. std::launch::deferred starts no thread: a cell's callable
// runs on whichever thread first waits for it, so dropping a cell is no
// thread waiting for itself.
// expect-no-findings
#include <future>
#include <map>

class window_sum {
public:
  explicit window_sum(int n) {
    for (int i = 0; i < n; ++i)
      cells_[i] = std::async(std::launch::deferred, [this, i] { return value(i); });
  }

  long last() { return cells_[static_cast<int>(cells_.size()) - 1].get(); }

private:
  long value(int i) {
    if (i < 2)
      return i;
    long sum = cells_[i - 1].get() + i;
    cells_.erase(i - 2);
    return sum;
  }

  std::map<int, std::future<long>> cells_;
};

int main() {
  window_sum s(4);
  return s.last() > 0 ? 0 : 1;
}
