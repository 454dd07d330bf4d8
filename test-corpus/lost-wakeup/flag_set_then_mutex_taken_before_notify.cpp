// The twin of flag_set_without_mutex_then_notify.cpp: after setting the flag
// the notifier takes the mutex before notifying, so it cannot run between a
// waiter's test and its block.
#include <atomic>
#include <condition_variable>
#include <mutex>

class completion_event {
public:
  void set() noexcept {
    set_.exchange(true, std::memory_order_seq_cst);
    std::unique_lock<std::mutex> lk{mutex_};
    cv_.notify_all();
  }

  void wait() noexcept {
    std::unique_lock<std::mutex> lk{mutex_};
    cv_.wait(lk, [this] { return set_.load(std::memory_order_seq_cst); });
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::atomic<bool> set_{false};
};

completion_event done;

void finish() { done.set(); }
void block_until_finished() { done.wait(); }
// expect-no-findings
