// The twin of pool_worker_shuts_the_pool_down.cpp: a worker that meets a
// corrupt file only marks the batch as lost and stops taking jobs; the
// owner's thread, which waits for that mark, calls shutdown() and joins the
// workers.
// expect-no-findings
#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class decode_pool {
public:
  explicit decode_pool(int threads) : workers_(threads) {
    for (int i = 0; i < threads; ++i)
      workers_[i] = std::thread(&decode_pool::work, this);
  }

  void submit(std::function<bool()> job) {
    std::lock_guard<std::mutex> hold(mutex_);
    jobs_.push_back(std::move(job));
    wake_.notify_one();
  }

  void wait_until_lost() {
    std::unique_lock<std::mutex> hold(mutex_);
    lost_changed_.wait(hold, [this] { return lost_; });
  }

  void shutdown() {
    {
      std::lock_guard<std::mutex> hold(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto &worker : workers_)
      if (worker.joinable())
        worker.join();
  }

private:
  void work() {
    for (;;) {
      std::unique_lock<std::mutex> hold(mutex_);
      wake_.wait(hold, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_)
        return;
      auto job = std::move(jobs_.front());
      jobs_.pop_front();
      hold.unlock();
      if (!job())
        mark_lost();
    }
  }

  void mark_lost() {
    std::lock_guard<std::mutex> hold(mutex_);
    lost_ = true;
    lost_changed_.notify_all();
  }

  std::mutex mutex_;
  std::condition_variable wake_, lost_changed_;
  std::deque<std::function<bool()>> jobs_;
  bool stopping_ = false, lost_ = false;
  std::vector<std::thread> workers_;
};

int main() {
  decode_pool pool(4);
  pool.submit([] { return false; });
  pool.wait_until_lost();
  pool.shutdown();
}
