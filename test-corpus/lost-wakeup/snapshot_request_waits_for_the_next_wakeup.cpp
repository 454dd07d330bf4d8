// A metrics store asks its exporter thread for a snapshot: it raises the
// request under the mutex, wakes the exporter, then takes the mutex again
// and waits on `taken_` with no predicate. The exporter writes the snapshot
// and notifies without the mutex; when it is quicker than the requester's
// second lock, the notify finds no waiter and is forgotten, and the
// requester waits for ever. Telling the exporter before the wait does not
// order them: the requester let go of the mutex in between. `main` asks
// once, after checking its output file opened. The twin,
// snapshot_request_waits_for_its_sequence_number.cpp, waits for a count
// the exporter bumps.
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
    {
      std::lock_guard<std::mutex> guard(mutex_);
      requested_ = true;
    }
    wanted_.notify_one();
    std::unique_lock<std::mutex> lock(mutex_);
    taken_.wait(lock); // expect-warning: lost-wakeup {{waits on 'MetricsStore::taken_' without testing any state}}
  }

private:
  void export_loop() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wanted_.wait(lock, [this] { return requested_ || closing_; });
      if (closing_)
        return;
      requested_ = false;
      ++snapshots_;
      lock.unlock();
      std::printf("snapshot %d written\n", snapshots_);
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
