// A storage engine's checkpoint waits until the write-back threads have
// flushed every dirty page. It asks how many pages are pending (a helper
// that locks and unlocks the mutex), logs, and only then takes the mutex
// and waits on the condition variable, testing nothing under it: the last
// flusher can finish and notify between the test and the lock, and the
// checkpoint waits for a notify that already came. The twin,
// checkpoint_waits_until_no_writes_are_pending.cpp, hands the wait a
// predicate over the count.
#include <condition_variable>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

class PageFlusher {
public:
  explicit PageFlusher(int pages) : dirty_(pages) {
    for (int i = 0; i < 2; ++i)
      flushers_.emplace_back([this] { flush_pages(); });
  }
  ~PageFlusher() {
    for (std::thread &t : flushers_)
      t.join();
  }

  int pending() {
    std::lock_guard<std::mutex> lk(mu_);
    return dirty_;
  }

  void checkpoint() {
    int left = pending();
    if (left == 0)
      return;
    std::printf("checkpoint: %d dirty pages to flush\n", left);
    std::unique_lock<std::mutex> lk(mu_);
    flushed_.wait(lk); // expect-warning: lost-wakeup {{without testing any state under the mutex it is handed}}
    std::printf("checkpoint: done\n");
  }

private:
  void flush_pages() {
    for (;;) {
      std::lock_guard<std::mutex> lk(mu_);
      if (dirty_ == 0)
        return;
      if (--dirty_ == 0)
        flushed_.notify_all();
    }
  }

  std::mutex mu_;
  std::condition_variable flushed_;
  int dirty_;
  std::vector<std::thread> flushers_;
};

int main() {
  PageFlusher flusher(64);
  flusher.checkpoint();
}
