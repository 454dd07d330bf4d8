// An image pool runs decode jobs on worker threads. A worker that meets a
// corrupt file decides the whole batch is lost and calls shutdown(), the
// member the owner calls at exit, which joins every worker: its own thread
// among them.
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
      workers_[i] = std::thread(&decode_pool::work, this); // expect-path: wait-cycle {{starts a thread that runs 'decode_pool::work' here}}
  }

  void submit(std::function<bool()> job) {
    std::lock_guard<std::mutex> hold(mutex_);
    jobs_.push_back(std::move(job));
    wake_.notify_one();
  }

  void shutdown() {
    {
      std::lock_guard<std::mutex> hold(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto &worker : workers_)
      if (worker.joinable())
        worker.join(); // expect-warning: wait-cycle {{possible deadlock: 'decode_pool::shutdown', called on the thread that 'std::thread::thread' starts to run 'decode_pool::work', joins 'decode_pool::workers_', where that thread's own handle is kept}}
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
        shutdown(); // expect-path: wait-cycle {{calls 'decode_pool::shutdown' on that thread}}
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<bool()>> jobs_;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

int main() {
  decode_pool pool(4);
  pool.submit([] { return false; });
  pool.shutdown();
}
