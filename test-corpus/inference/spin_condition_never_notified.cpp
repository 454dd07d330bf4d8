// A consumer takes a spin lock and waits on an in-house condition variable
// for the count to grow, but put() forgets to notify: the consumer stays
// parked. The wait lets go of the lock it is handed (its awaiter unlocks
// it), so holding the guard across it is no lock held across a suspension.
#include <inhouse/spin_condition.h>
#include <inhouse/task.h>
#include <mutex>

class inbox {
public:
  inhouse::task<int> take() {
    std::unique_lock<inhouse::spin_lock> guard(lock_);
    co_await ready_.wait(lock_, [this] { return count_ > 0; }); // expect-warning: never-signaled {{'inbox::ready_' (event) is awaited, but nothing in the program signals it}}
    co_return --count_;
  }
  void put() {
    std::lock_guard<inhouse::spin_lock> guard(lock_);
    ++count_;
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
