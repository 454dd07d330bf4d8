// A cache's warm-up thread waits to be told that the snapshot is loaded
// before it builds its indexes; the loader sets the snapshot and notifies.
// The wait tests the flag the loader sets under the same mutex: a loader
// that was quicker left loaded_ true, and the warm-up thread goes on without
// waiting. Twin of warmup_waits_without_testing_the_state.cpp.
// expect-no-findings
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class snapshot_cache {
public:
  void load(std::vector<std::string> rows) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      rows_ = std::move(rows);
      loaded_ = true;
    }
    loaded_cv_.notify_all();
  }

  void warm_up() {
    std::unique_lock<std::mutex> lock(mutex_);
    loaded_cv_.wait(lock, [this] { return loaded_; });
    for (const std::string &row : rows_)
      index_.push_back(row.size());
  }

private:
  std::mutex mutex_;
  std::condition_variable loaded_cv_;
  bool loaded_ = false;
  std::vector<std::string> rows_;
  std::vector<std::size_t> index_;
};

int main() {
  snapshot_cache cache;
  std::thread warm([&] { cache.warm_up(); });
  cache.load({"alpha", "beta"});
  warm.join();
}
