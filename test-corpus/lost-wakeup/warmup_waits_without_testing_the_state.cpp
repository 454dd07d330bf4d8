// A cache's warm-up thread waits to be told that the snapshot is loaded
// before it builds its indexes; the loader sets the snapshot and notifies.
// The wait tests nothing: when the loader is quicker (a small snapshot), its
// notify comes before the warm-up thread waits, nobody hears it, and the
// warm-up thread sleeps for ever. Twin: warmup_waits_for_the_loaded_state.cpp.
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
    loaded_cv_.wait(lock); // expect-warning: lost-wakeup {{waits on 'snapshot_cache::loaded_cv_' without testing any state: a notify that comes before this wait finds no waiter and is forgotten}}
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
