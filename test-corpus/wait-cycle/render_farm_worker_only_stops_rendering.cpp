// The twin of render_farm_worker_stops_the_farm.cpp: a worker that finds
// the output disk full only clears the running flag, so every worker ends
// its loop; the owner's stop() joins them from the owner's thread.
// expect-no-findings
#include <atomic>
#include <thread>
#include <vector>

bool render_next_tile();

class render_farm {
public:
  explicit render_farm(int threads) {
    for (int i = 0; i < threads; ++i)
      workers_.push_back(std::thread(&render_farm::work, this));
  }

  void stop() {
    running_ = false;
    for (auto &worker : workers_)
      if (worker.joinable())
        worker.join();
  }

private:
  void work() {
    while (running_)
      if (!render_next_tile())
        running_ = false;
  }

  std::atomic<bool> running_{true};
  std::vector<std::thread> workers_;
};

int main() {
  render_farm farm(4);
  farm.stop();
}
