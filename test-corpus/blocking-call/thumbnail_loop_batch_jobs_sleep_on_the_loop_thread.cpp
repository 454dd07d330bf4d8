// A thumbnail renderer with a home-grown event loop: `submit` queues one
// job, `submit_batch` a batch under one lock (naming the futures' type through
// `decltype` of a call it never makes), and main's thread drains the queue
// as its loop. A render job that sleeps between retries stalls that loop
// and every job queued behind it. The twin,
// thumbnail_pool_batch_jobs_sleep_on_worker_threads.cpp, drains the same
// queue on worker threads of its own.
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

class RenderLoop {
public:
  void close() {
    {
      std::lock_guard<std::mutex> lk(mu_);
      closing_ = true;
    }
    cv_.notify_all();
  }
  void run() { worker_loop(); }

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
};

static int render_thumbnail(int image) {
  std::this_thread::sleep_for(std::chrono::milliseconds(5)); // the codec's retry back-off
  return image * 64;
}

int main() {
  RenderLoop loop;
  std::vector<std::function<int()>> jobs;
  for (int image = 1; image <= 4; ++image)
    jobs.push_back([image] { return render_thumbnail(image); });
  std::vector<std::future<int>> rendered = loop.submit_batch(std::move(jobs));
  std::future<int> cover = loop.submit([] { return render_thumbnail(0) + 1; }); // expect-warning: blocking-call {{reaches 'std::this_thread::sleep_for', which blocks the event loop}}
  loop.close();
  loop.run();
  int bytes = cover.get();
  for (std::future<int> &f : rendered)
    bytes += f.get();
  std::printf("rendered %d bytes\n", bytes);
}
