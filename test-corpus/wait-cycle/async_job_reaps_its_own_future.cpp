// A thumbnail renderer runs each job with std::async and keeps the futures
// in a table so that submit() does not block. To keep the table small, each
// job takes its own future out of the table when it is done and lets it go:
// that future's destructor waits for the job's own thread to finish, on
// that very thread.
#include <functional>
#include <future>
#include <map>
#include <mutex>

class renderer {
public:
  void submit(std::function<void()> job) {
    std::unique_lock<std::mutex> hold(mutex_);
    int id = next_++;
    hold.unlock();
    auto running = std::async(std::launch::async, [this, id, job] { // expect-path: wait-cycle {{'std::async' starts a thread that runs}}
      job();
      std::lock_guard<std::mutex> relock(mutex_);
      auto mine = std::move(jobs_[id]);
      jobs_.erase(id);
    }); // expect-warning: wait-cycle {{possible deadlock: '(lambda at async_job_reaps_its_own_future.cpp:17:51)', run on a thread by 'std::async', destroys 'mine', a handle taken from 'renderer::jobs_', where that thread's own handle is kept}}
    hold.lock();
    jobs_[id] = std::move(running);
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
