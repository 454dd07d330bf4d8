// Three reader threads wait for the first configuration: each waits until
// the published epoch is newer than the one it has seen, and none of them
// changes the epoch. publish() bumps the epoch and wakes one reader; the
// other two wait on, and main joins them forever. The twin,
// job_count_bumped_with_one_wakeup_for_each_job.cpp, bumps a count of jobs
// that each woken worker takes one of: one wakeup per job is enough.
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class config_feed {
public:
  void publish(std::map<std::string, std::string> values) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      values_ = std::move(values);
      ++epoch_; // expect-path: lost-wakeup {{'config_feed::epoch_' changes here}}
    }
    changed_.notify_one(); // expect-warning: lost-wakeup {{'config_feed::changed_' wakes one waiter after 'config_feed::epoch_' changed, but several threads wait on it for 'config_feed::epoch_' and the one woken wakes no other}}
  }

  std::map<std::string, std::string> wait_newer(std::uint64_t seen) {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return epoch_ > seen; }); // expect-path: lost-wakeup {{each thread waits for it here}}
    return values_;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::string, std::string> values_;
  std::uint64_t epoch_ = 0;
};

int main() {
  config_feed feed;
  std::vector<std::thread> readers;
  for (int i = 0; i < 3; ++i)
    readers.emplace_back([&feed, i] { // expect-path: lost-wakeup {{several threads that wait are started here}}
      std::map<std::string, std::string> config = feed.wait_newer(0);
      std::printf("reader %d: %zu keys\n", i, config.size());
    });
  feed.publish({{"listen", "0.0.0.0:8080"}, {"workers", "4"}});
  for (std::thread &t : readers)
    t.join();
}
