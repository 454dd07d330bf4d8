// The twin of shutdown_flag_written_outside_lock.cpp: stop() writes the flag
// under the queue's mutex and notifies after unlocking, which is safe.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

class work_queue {
public:
  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    ready_.notify_all();
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
// expect-no-findings
