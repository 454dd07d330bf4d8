// A metrics exporter thread takes the lock on each turn, waits for a nudge,
// then swaps out the samples and notes whether it was asked to stop; it
// pushes the batch with the lock let go, and returns after the last one.
// A stop that comes while it is pushing (flag set, notify sent, nobody
// waiting) is lost: the next turn waits again before it looks, and stop()
// joins for ever. The twin,
// metrics_exporter_looks_before_it_waits_each_turn.cpp, tests the stop flag
// and the samples under the lock before each wait.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class MetricsExporter {
public:
  MetricsExporter() : pusher_([this] { push_loop(); }) {}
  ~MetricsExporter() { stop(); }

  void record(std::string sample) {
    std::lock_guard<std::mutex> lock(mutex_);
    samples_.push_back(std::move(sample));
    if (samples_.size() >= 64)
      wake_.notify_one();
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_)
        return;
      stopping_ = true;
    }
    wake_.notify_one();
    pusher_.join();
  }

private:
  void push_loop() {
    std::vector<std::string> batch;
    for (;;) {
      std::unique_lock<std::mutex> lock(mutex_);
      wake_.wait(lock); // expect-warning: lost-wakeup {{waits on 'MetricsExporter::wake_' without testing any state}}
      const bool last = stopping_;
      batch.swap(samples_);
      lock.unlock();
      for (const std::string &sample : batch)
        std::fprintf(stdout, "%s\n", sample.c_str());
      batch.clear();
      if (last)
        return;
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::vector<std::string> samples_;
  bool stopping_ = false;
  std::thread pusher_;
};

int main() {
  MetricsExporter exporter;
  for (int i = 0; i < 100; ++i)
    exporter.record("requests_total " + std::to_string(i));
  exporter.stop();
}
