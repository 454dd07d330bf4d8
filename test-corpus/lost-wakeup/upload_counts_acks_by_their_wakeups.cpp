// An upload waits for the storage thread to acknowledge each of its parts.
// It counts wakeups instead of testing a count of acknowledgements: the
// storage thread acknowledges the first parts while the uploader is still
// sending the rest, nobody is waiting then, those notifies are lost, and
// the loop waits for wakeups that never come. Twin:
// upload_waits_until_every_part_is_acked.cpp.
#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

class part_store {
public:
  void put(std::string part) {
    std::lock_guard<std::mutex> lock(mutex_);
    pending_.push_back(std::move(part));
    work_cv_.notify_one();
  }

  void wait_acked(int parts) {
    std::unique_lock<std::mutex> lock(mutex_);
    for (int acked = 0; acked < parts; ++acked)
      acked_cv_.wait(lock); // expect-warning: lost-wakeup {{waits on 'part_store::acked_cv_' without testing any state}}
  }

  void serve(int parts) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (parts > 0) {
      work_cv_.wait(lock, [this] { return !pending_.empty(); });
      pending_.pop_front();
      ++acked_;
      --parts;
      acked_cv_.notify_one(); // expect-path: lost-wakeup {{notified here, in 'part_store::serve', which may run first}}
    }
  }

private:
  std::mutex mutex_;
  std::condition_variable work_cv_, acked_cv_;
  std::deque<std::string> pending_;
  int acked_ = 0;
};

int main() {
  part_store store;
  std::thread storage([&] { store.serve(3); });
  for (const char *part : {"head", "body", "tail"})
    store.put(part);
  store.wait_acked(3);
  storage.join();
}
