// Replicas of a maintenance job each start with std::async, handed the gate
// by std::ref, and wait until the operator opens the maintenance window.
// open() wakes them all. The twin,
// maintenance_gate_opened_with_one_wakeup_for_every_async_replica.cpp, wakes
// one.
// expect-no-findings
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
    open_ = true;
    opened_.notify_all();
  }

  std::chrono::minutes wait_until_open() {
    std::unique_lock<std::mutex> lock(mutex_);
    opened_.wait(lock, [this] { return open_; });
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
    replicas.push_back(std::async(std::launch::async, compact_replica, std::ref(gate), r));
  gate.open(std::chrono::minutes(20));
  for (std::future<int> &f : replicas)
    f.get();
}
