// Index replicas wait for the primary to commit a new generation. Each
// replica is a function object made by std::make_shared, and holds the
// feed by a reference its constructor binds; main runs each one on a
// thread of its own. commit() bumps the generation and wakes one replica:
// every replica waits for that same generation, so the two that are not
// woken wait on, and main joins them forever. The twin,
// replicas_made_by_make_shared_take_one_segment_each.cpp, hands out one
// segment per wakeup, which one replica takes.
#include <condition_variable>
#include <cstdio>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class generation_feed {
public:
  void commit() {
    std::lock_guard<std::mutex> lock(mutex_);
    generation_ += 1; // expect-path: lost-wakeup {{'generation_feed::generation_' changes here}}
    committed_.notify_one(); // expect-warning: lost-wakeup {{'generation_feed::committed_' wakes one waiter after 'generation_feed::generation_' changed, but several threads wait on it for 'generation_feed::generation_' and the one woken wakes no other}}
  }

  long await_after(long known) {
    std::unique_lock<std::mutex> lock(mutex_);
    committed_.wait(lock, [&] { return generation_ != known; }); // expect-path: lost-wakeup {{each thread waits for it here}}
    return generation_;
  }

private:
  std::mutex mutex_;
  std::condition_variable committed_;
  long generation_ = 0;
};

class replica {
public:
  replica(int shard, generation_feed &feed) : shard_(shard), feed_(feed) {}

  void operator()() {
    long generation = feed_.await_after(0);
    std::printf("replica %d loads generation %ld\n", shard_, generation);
  }

private:
  int shard_;
  generation_feed &feed_;
};

int main() {
  generation_feed feed;
  std::vector<std::shared_ptr<replica>> replicas;
  std::vector<std::thread> threads;
  for (int shard = 0; shard < 3; ++shard) {
    replicas.push_back(std::make_shared<replica>(shard, feed));
    threads.emplace_back(std::ref(*replicas.back())); // expect-path: lost-wakeup {{several threads that wait are started here}}
  }
  feed.commit();
  for (std::thread &t : threads)
    t.join();
}
