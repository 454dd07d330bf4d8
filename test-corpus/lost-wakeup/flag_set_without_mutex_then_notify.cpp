// A completion event in the shape of a sync_wait's: the finishing task sets
// an atomic flag and notifies without the mutex the waiting thread tests the
// flag under. The set can land between the waiter's test and its block: the
// notification is lost and sync_wait never returns. The twin,
// flag_set_then_mutex_taken_before_notify.cpp, takes the mutex in between.
#include <atomic>
#include <condition_variable>
#include <mutex>

class completion_event {
public:
  void set() noexcept {
    set_.exchange(true, std::memory_order_release);
    cv_.notify_all(); // expect-warning: lost-wakeup {{'completion_event::cv_' is notified after 'completion_event::set_' changed without 'completion_event::mutex_': a waiter that has just found its predicate false and is not yet blocked misses this notification and can sleep forever}}
  }

  void wait() noexcept {
    std::unique_lock<std::mutex> lk{mutex_};
    cv_.wait(lk, [this] { return set_.load(std::memory_order_acquire); });
  }

private:
  std::mutex mutex_;
  std::condition_variable cv_;
  std::atomic<bool> set_{false};
};

completion_event done;

void finish() { done.set(); }
void block_until_finished() { done.wait(); }
