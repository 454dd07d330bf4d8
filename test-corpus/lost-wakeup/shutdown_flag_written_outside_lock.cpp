// A worker pool's stop flag is a plain bool that the workers' predicate
// reads; stop() writes it without the queue's mutex and wakes everyone. A
// worker that has just found the queue empty and the flag false, and not yet
// blocked, sleeps through the wake-up, and join() waits for it forever. The
// twin, shutdown_flag_written_under_lock.cpp, writes the flag under the lock.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

class work_queue {
public:
  void stop() {
    stopping_ = true;
    ready_.notify_all(); // expect-warning: lost-wakeup {{'work_queue::ready_' is notified after 'work_queue::stopping_' changed without 'work_queue::mutex_'}}
  }

  bool next(std::function<void()> &job) {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
    if (jobs_.empty())
      return false;
    job = std::move(jobs_.front());
    jobs_.pop_front();
    return true;
  }

  void push(std::function<void()> job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(job));
    }
    ready_.notify_one();
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
};

work_queue queue;

void run_worker() {
  std::function<void()> job;
  while (queue.next(job))
    job();
}

void shut_down() { queue.stop(); }
