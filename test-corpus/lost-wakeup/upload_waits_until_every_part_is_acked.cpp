// An upload waits for the storage thread to acknowledge each of its parts.
// It waits while fewer parts are acknowledged than it sent, testing the
// count the storage thread keeps under the same mutex: an acknowledgement
// made before the wait is in the count. Twin:
// upload_counts_acks_by_their_wakeups.cpp.
// expect-no-findings
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
    while (acked_ < parts)
      acked_cv_.wait(lock);
  }

  void serve(int parts) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (parts > 0) {
      work_cv_.wait(lock, [this] { return !pending_.empty(); });
      pending_.pop_front();
      ++acked_;
      --parts;
      acked_cv_.notify_one();
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
