// A metrics exporter thread takes the lock on each turn and, under it,
// waits only while it has not been asked to stop and has no samples; then
// it swaps out the samples, pushes them with the lock let go, and returns
// after the last batch. A stop that comes while it is pushing is seen
// before the next wait. The twin,
// metrics_exporter_rewaits_each_turn_before_looking.cpp, waits before it
// looks.
// expect-no-findings
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
      while (!stopping_ && samples_.empty())
        wake_.wait(lock);
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
