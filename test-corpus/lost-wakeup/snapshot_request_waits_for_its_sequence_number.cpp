// A metrics store asks its exporter thread for a snapshot: it raises the
// request under the mutex, wakes the exporter, then takes the mutex again
// and waits on `taken_` until the exporter's count of snapshots passes the
// one it saw when it asked. A notify that comes before the wait is not
// needed: the count says the snapshot was taken. The twin,
// snapshot_request_waits_for_the_next_wakeup.cpp, waits with no predicate.
// expect-no-findings
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>

class MetricsStore {
public:
  MetricsStore() : exporter_([this] { export_loop(); }) {}

  ~MetricsStore() {
    {
      std::lock_guard<std::mutex> guard(mutex_);
      closing_ = true;
    }
    wanted_.notify_one();
    exporter_.join();
  }

  void snapshot() {
    int seen;
    {
      std::lock_guard<std::mutex> guard(mutex_);
      requested_ = true;
      seen = snapshots_;
    }
    wanted_.notify_one();
    std::unique_lock<std::mutex> lock(mutex_);
    taken_.wait(lock, [&] { return snapshots_ > seen; });
  }

private:
  void export_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wanted_.wait(lock, [this] { return requested_ || closing_; });
      if (closing_)
        return;
      requested_ = false;
      int number = ++snapshots_;
      lock.unlock();
      std::printf("snapshot %d written\n", number);
      taken_.notify_all();
      lock.lock();
    }
  }

  std::mutex mutex_;
  std::condition_variable wanted_;
  std::condition_variable taken_;
  bool requested_ = false;
  bool closing_ = false;
  int snapshots_ = 0;
  std::thread exporter_;
};

int main() {
  std::FILE *out = std::fopen("/dev/null", "w");
  if (!out)
    return 1;
  MetricsStore store;
  store.snapshot();
  std::fclose(out);
  return 0;
}
