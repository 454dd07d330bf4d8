// A job queue's lock_if_ready() locks the queue's mutex and returns true,
// still holding it, when a job is waiting; with none it unlocks and
// returns false. That return is no leak: the caller takes the job and
// unlocks the mutex itself. Nothing is reported.
// expect-no-findings
#include <deque>
#include <mutex>
#include <string>

class job_queue {
public:
  bool lock_if_ready() {
    mu_.lock();
    if (!jobs_.empty())
      return true;
    mu_.unlock();
    return false;
  }

  std::string take_locked() {
    std::string job = jobs_.front();
    jobs_.pop_front();
    return job;
  }

  void unlock() { mu_.unlock(); }

  void push(std::string job) {
    std::lock_guard<std::mutex> lock(mu_);
    jobs_.push_back(std::move(job));
  }

private:
  std::mutex mu_;
  std::deque<std::string> jobs_;
};

int drain(job_queue &q) {
  int n = 0;
  while (q.lock_if_ready()) {
    std::string job = q.take_locked();
    q.unlock();
    n += static_cast<int>(job.size());
  }
  return n;
}

int main() {
  job_queue q;
  q.push("a");
  return drain(q) == 1 ? 0 : 1;
}
