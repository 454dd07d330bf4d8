// The twin of counter_decremented_without_mutex.cpp: the count changes under
// the mutex the waiter tests it under.
#include <condition_variable>
#include <mutex>

class task_latch {
public:
  explicit task_latch(int count) : pending_(count) {}

  void count_down() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      --pending_;
    }
    done_.notify_all();
  }

  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
  }

private:
  std::mutex mutex_;
  std::condition_variable done_;
  int pending_;
};

task_latch all_done(4);

void finish_one() { all_done.count_down(); }
void wait_for_all() { all_done.wait(); }
// expect-no-findings
