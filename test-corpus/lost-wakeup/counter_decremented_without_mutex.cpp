// A hand-rolled latch: each finishing task decrements the count of pending
// tasks and wakes the waiter when it reaches zero, but decrements without
// the mutex the waiter tests the count under. The last decrement can fall
// between the waiter's test and its block. The twin,
// counter_decremented_under_mutex.cpp, decrements under the mutex.
#include <condition_variable>
#include <mutex>

class task_latch {
public:
  explicit task_latch(int count) : pending_(count) {}

  void count_down() {
    --pending_;
    done_.notify_all(); // expect-warning: lost-wakeup {{'task_latch::done_' is notified after 'task_latch::pending_' changed without 'task_latch::mutex_'}}
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
