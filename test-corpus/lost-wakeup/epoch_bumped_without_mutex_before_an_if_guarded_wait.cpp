// A routing table's readers wait for the next epoch: under the mutex they
// compare the epoch they last saw with the current one and, when nothing
// changed, wait on the condition variable (an `if`, not a predicate or a
// loop). The publisher bumps the epoch and notifies without the mutex: a
// reader that has compared and is not yet blocked misses the notification
// and sleeps until the next epoch, which may never come. The twin,
// epoch_bumped_under_mutex_before_an_if_guarded_wait.cpp, bumps it under
// the mutex.
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

class routing_table {
public:
  std::string next_route(unsigned seen_epoch) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (epoch_ == seen_epoch)
      changed_.wait(lock); // expect-path: lost-wakeup {{a waiter tests 'routing_table::epoch_' under 'routing_table::mutex_' here}}
    return route_;
  }

  void publish(std::string route) {
    route_ = std::move(route);
    ++epoch_; // expect-path: lost-wakeup {{'routing_table::epoch_' changes here without 'routing_table::mutex_'}}
    changed_.notify_all(); // expect-warning: lost-wakeup {{'routing_table::changed_' is notified after 'routing_table::epoch_' changed without 'routing_table::mutex_'}}
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
