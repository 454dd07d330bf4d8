// The twin of config_epoch_bumped_with_one_wakeup_for_three_readers.cpp:
// three worker threads wait on one condition variable, and add() bumps a
// count and wakes one of them, but each woken worker takes one job off the
// count. Each job needs one worker, so one wakeup per job wakes enough;
// finish() sets a flag and wakes them all.
// expect-no-findings
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class job_counter {
public:
  void add() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ++pending_;
    }
    changed_.notify_one();
  }

  void finish() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      finished_ = true;
    }
    changed_.notify_all();
  }

  bool take() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return pending_ > 0 || finished_; });
    if (pending_ == 0)
      return false;
    --pending_;
    return true;
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  int pending_ = 0;
  bool finished_ = false;
};

int main() {
  job_counter jobs;
  std::vector<std::thread> workers;
  for (int i = 0; i < 3; ++i)
    workers.emplace_back([&jobs, i] {
      int done = 0;
      while (jobs.take())
        ++done;
      std::printf("worker %d: %d jobs\n", i, done);
    });
  for (int j = 0; j < 9; ++j)
    jobs.add();
  jobs.finish();
  for (std::thread &t : workers)
    t.join();
}
