// Twin of epoch_bumped_without_mutex_before_an_if_guarded_wait.cpp: the
// publisher bumps the epoch under the mutex the readers compare it under,
// so a reader either sees the new epoch or is blocked before the notify.
// expect-no-findings
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

class routing_table {
public:
  std::string next_route(unsigned seen_epoch) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (epoch_ == seen_epoch)
      changed_.wait(lock);
    return route_;
  }

  void publish(std::string route) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      route_ = std::move(route);
      ++epoch_;
    }
    changed_.notify_all();
  }

private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::string route_;
  unsigned epoch_ = 0;
};

int main() {
  routing_table table;
  std::thread reader([&] { table.next_route(0); });
  std::thread writer([&] { table.publish("10.0.0.0/8 via eth1"); });
  reader.join();
  writer.join();
}
