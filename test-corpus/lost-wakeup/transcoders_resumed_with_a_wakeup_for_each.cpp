// A media server pauses its transcoder threads while the disk fills up and
// resumes them when space is freed. Every paused thread waits for `paused_`
// to clear, and resume() wakes them all. The queue of jobs, which each
// thread takes one from, is fed one wakeup per job. The twin,
// transcoders_resumed_with_one_wakeup.cpp, wakes one thread on resume: the
// others stay paused, and stop() joins them forever.
// expect-no-findings
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class transcoder_farm {
public:
  explicit transcoder_farm(int threads) {
    for (int i = 0; i < threads; ++i)
      workers_.push_back(std::thread([this] { transcode(); }));
  }

  void submit(std::string file) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      jobs_.push_back(std::move(file));
    }
    wake_.notify_one();
  }

  void pause() {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = true;
  }

  void resume() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      paused_ = false;
    }
    wake_.notify_all();
  }

  void stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread &t : workers_)
      t.join();
  }

private:
  void transcode() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return !paused_ && (stopping_ || !jobs_.empty()); });
      if (jobs_.empty())
        return;
      std::string file = std::move(jobs_.front());
      jobs_.pop_front();
      lock.unlock();
      encode(file);
      lock.lock();
    }
  }

  static void encode(const std::string &file) { (void)file; }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::string> jobs_;
  bool paused_ = false;
  bool stopping_ = false;
  std::vector<std::thread> workers_;
};

int main() {
  transcoder_farm farm(4);
  farm.pause();
  for (const char *f : {"a.mkv", "b.mkv", "c.mkv", "d.mkv"})
    farm.submit(f);
  farm.resume();
  farm.stop();
}
