// A transcoder runs its jobs on a worker thread of its own and hands each
// failure to a hook its owner chose at construction, passing the transcoder
// itself. The owner's hook shuts the transcoder down, and shutdown() joins
// the worker: when the hook runs, it runs on that worker, which then waits
// for itself.
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
    worker_ = std::thread([this] { drain(); }); // expect-path: wait-cycle {{starts a thread that runs}}
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
    if (worker_.joinable())
      worker_.join(); // expect-error: wait-cycle {{deadlock: 'transcoder::shutdown', called on the thread that 'std::thread::thread' starts to run '(lambda at transcoder_fatal_hook_stops_its_own_worker.cpp:20:27)', joins 'transcoder::worker_', which holds that thread}}
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
        on_fatal_(*this, "corrupt clip"); // expect-path: wait-cycle {{calls 'abort_all' on that thread}}
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
  t.shutdown(); // expect-path: wait-cycle {{calls 'transcoder::shutdown' on that thread}}
}

int main() {
  transcoder t(abort_all);
  t.start();
  t.enqueue(1);
  t.enqueue(-1);
  t.shutdown();
}
