// The twin of async_job_reaps_its_own_future.cpp: the jobs only run; the
// submitting thread drops the futures of the jobs that are done before it
// adds a new one, so no job ever waits for its own thread.
// expect-no-findings
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <mutex>

class renderer {
public:
  void submit(std::function<void()> job) {
    std::lock_guard<std::mutex> hold(mutex_);
    for (auto it = jobs_.begin(); it != jobs_.end();) {
      if (it->second.wait_for(std::chrono::seconds(0)) ==
          std::future_status::ready)
        it = jobs_.erase(it);
      else
        ++it;
    }
    auto running = std::async(std::launch::async, [job] { job(); });
    jobs_[next_++] = std::move(running);
  }

private:
  std::mutex mutex_;
  int next_ = 0;
  std::map<int, std::future<void>> jobs_;
};

int main() {
  renderer r;
  r.submit([] {});
}
