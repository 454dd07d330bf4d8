// The twin of spin_condition_never_notified.cpp: put() notifies the
// condition the consumer waits on, and the guard held across the wait is
// let go of by the wait itself.
// expect-no-findings
#include <inhouse/spin_condition.h>
#include <inhouse/task.h>
#include <mutex>

class inbox {
public:
  inhouse::task<int> take() {
    std::unique_lock<inhouse::spin_lock> guard(lock_);
    co_await ready_.wait(lock_, [this] { return count_ > 0; });
    co_return --count_;
  }
  void put() {
    std::lock_guard<inhouse::spin_lock> guard(lock_);
    ++count_;
    ready_.notify_all();
  }

private:
  inhouse::spin_lock lock_;
  inhouse::spin_condition ready_;
  int count_ = 0;
};

int serve(inbox &box) {
  inhouse::task<int> consumer = box.take();
  box.put();
  return 0;
}
