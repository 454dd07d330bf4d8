// expect-no-findings
// Index replicas each load one new segment: the primary publishes a
// segment count and wakes one replica per segment, and the replica woken
// takes one. Each replica is a function object made by std::make_shared,
// holding the feed by a reference its constructor binds, and runs on a
// thread of its own. One wakeup per segment is enough. The twin,
// replicas_made_by_make_shared_share_one_generation_wakeup.cpp, wakes one
// replica for a generation that all of them wait for.
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class segment_feed {
public:
  void publish() {
    std::lock_guard<std::mutex> lock(mutex_);
    unclaimed_ += 1;
    published_.notify_one();
  }

  void claim() {
    std::unique_lock<std::mutex> lock(mutex_);
    published_.wait(lock, [&] { return unclaimed_ > 0; });
    unclaimed_ -= 1;
  }

private:
  std::mutex mutex_;
  std::condition_variable published_;
  long unclaimed_ = 0;
};

class replica {
public:
  replica(int shard, segment_feed &feed) : shard_(shard), feed_(feed) {}

  void operator()() {
    feed_.claim();
    std::printf("replica %d loads a segment\n", shard_);
  }

private:
  int shard_;
  segment_feed &feed_;
};

int main() {
  segment_feed feed;
  std::vector<std::shared_ptr<replica>> replicas;
  std::vector<std::thread> threads;
  for (int shard = 0; shard < 3; ++shard) {
    replicas.push_back(std::make_shared<replica>(shard, feed));
    threads.emplace_back(std::ref(*replicas.back()));
  }
  for (int segment = 0; segment < 3; ++segment)
    feed.publish();
  for (std::thread &t : threads)
    t.join();
}
