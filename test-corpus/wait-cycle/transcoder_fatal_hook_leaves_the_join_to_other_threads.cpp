// A transcoder runs its jobs on a worker thread of its own and hands each
// failure to a hook its owner chose at construction, passing the transcoder
// itself. The hook shuts the transcoder down, but shutdown() joins the worker
// only from another thread: on the worker it just closes the queue, and the
// owner's own shutdown() joins it.
// expect-no-findings
#include <condition_variable>
#include <functional>
#include <mutex>
#include <queue>
#include <stdexcept>
#include <thread>

class transcoder {
public:
  using fatal_hook = std::function<void(transcoder &, const char *)>;

  explicit transcoder(fatal_hook on_fatal) : on_fatal_(std::move(on_fatal)) {}

  void start() {
    worker_ = std::thread([this] { drain(); });
  }

  void enqueue(int clip) {
    std::lock_guard<std::mutex> lock(mu_);
    clips_.push(clip);
    ready_.notify_one();
  }

  void shutdown() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      closing_ = true;
    }
    ready_.notify_all();
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id())
      worker_.join();
  }

private:
  void drain() {
    for (;;) {
      int clip;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_.wait(lock, [this] { return closing_ || !clips_.empty(); });
        if (clips_.empty())
          return;
        clip = clips_.front();
        clips_.pop();
      }
      if (clip < 0)
        on_fatal_(*this, "corrupt clip");
    }
  }

  fatal_hook on_fatal_;
  std::mutex mu_;
  std::condition_variable ready_;
  std::queue<int> clips_;
  bool closing_ = false;
  std::thread worker_;
};

static void abort_all(transcoder &t, const char *) {
  t.shutdown();
}

int main() {
  transcoder t(abort_all);
  t.start();
  t.enqueue(1);
  t.enqueue(-1);
  t.shutdown();
}
