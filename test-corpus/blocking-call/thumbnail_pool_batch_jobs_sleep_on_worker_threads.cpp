// A thumbnail renderer with a home-grown worker pool: `submit` queues one
// job, `submit_batch` a batch under one lock (naming the futures' type through
// `decltype` of a call it never makes), and the pool's own threads drain
// the queue. A render job that sleeps between retries occupies one worker
// thread, which is what worker threads are for: no event loop waits behind
// it. The twin, thumbnail_loop_batch_jobs_sleep_on_the_loop_thread.cpp,
// drains the same queue on main's thread as its event loop.
// expect-no-findings
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

class RenderPool {
public:
  explicit RenderPool(unsigned threads) {
    for (unsigned i = 0; i < threads; ++i)
      workers_.emplace_back([this] { worker_loop(); });
  }
  ~RenderPool() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      closing_ = true;
    }
    cv_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }

  template <class F>
  auto submit(F job) -> std::future<decltype(job())> {
    auto task = std::make_shared<std::packaged_task<decltype(job())()>>(std::move(job));
    std::future<decltype(job())> done = task->get_future();
    {
      std::lock_guard<std::mutex> lk(mu_);
      queue_.emplace_back([task] { (*task)(); });
    }
    cv_.notify_one();
    return done;
  }

  template <class F>
  auto submit_batch(std::vector<F> jobs) -> std::vector<std::future<decltype(jobs[0]())>> {
    std::vector<std::future<decltype(jobs[0]())>> done;
    {
      std::lock_guard<std::mutex> lk(mu_);
      for (F &job : jobs) {
        auto task = std::make_shared<std::packaged_task<decltype(job())()>>(std::move(job));
        done.push_back(task->get_future());
        queue_.emplace_back([task] { (*task)(); });
      }
    }
    cv_.notify_all();
    return done;
  }

private:
  void worker_loop() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock<std::mutex> lk(mu_);
        cv_.wait(lk, [&] { return closing_ || !queue_.empty(); });
        if (queue_.empty())
          return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();
    }
  }

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<std::function<void()>> queue_;
  bool closing_ = false;
  std::vector<std::thread> workers_;
};

static int render_thumbnail(int image) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5)); // the codec's retry back-off
  return image * 64;
}

int main() {
  RenderPool pool(2);
  std::vector<std::function<int()>> jobs;
  for (int image = 1; image <= 4; ++image)
    jobs.push_back([image] { return render_thumbnail(image); });
  int bytes = 0;
  for (std::future<int> &f : pool.submit_batch(std::move(jobs)))
    bytes += f.get();
  bytes += pool.submit([] { return render_thumbnail(0) + 1; }).get();
  std::printf("rendered %d bytes\n", bytes);
}
