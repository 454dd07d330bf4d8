// Replicas of a maintenance job each start with std::async, handed the gate
// by std::ref, and wait until the operator opens the maintenance window.
// open() wakes one of them: the others wait on, and main waits on their
// futures forever. The twin,
// maintenance_gate_opened_with_a_wakeup_for_every_async_replica.cpp, wakes
// them all.
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <future>
#include <mutex>
#include <vector>

class maintenance_gate {
public:
  void open(std::chrono::minutes window) {
    std::lock_guard<std::mutex> lock(mutex_);
    window_ = window;
    open_ = true; // expect-path: lost-wakeup {{'maintenance_gate::open_' changes here}}
    opened_.notify_one(); // expect-warning: lost-wakeup {{'maintenance_gate::opened_' wakes one waiter after 'maintenance_gate::open_' changed, but several threads wait on it}}
  }

  std::chrono::minutes wait_until_open() {
    std::unique_lock<std::mutex> lock(mutex_);
    opened_.wait(lock, [this] { return open_; }); // expect-path: lost-wakeup {{each thread waits for it here}}
    return window_;
  }

private:
  std::mutex mutex_;
  std::condition_variable opened_;
  std::chrono::minutes window_{0};
  bool open_ = false;
};

static int compact_replica(maintenance_gate &gate, int replica) {
  std::chrono::minutes window = gate.wait_until_open();
  std::printf("replica %d compacts for %d minutes\n", replica,
              static_cast<int>(window.count()));
  return replica;
}

int main() {
  maintenance_gate gate;
  std::vector<std::future<int>> replicas;
  for (int r = 0; r < 3; ++r)
    replicas.push_back(std::async(std::launch::async, compact_replica, std::ref(gate), r)); // expect-path: lost-wakeup {{several threads that wait are started here}}
  gate.open(std::chrono::minutes(20));
  for (std::future<int> &f : replicas)
    f.get();
}
