// A render farm keeps its worker threads in a vector. A worker that finds
// the output disk full calls stop(), the member the owner calls at exit,
// which joins every worker: its own thread among them.
#include <atomic>
#include <thread>
#include <vector>

bool render_next_tile();

class render_farm {
public:
  explicit render_farm(int threads) {
    for (int i = 0; i < threads; ++i)
      workers_.push_back(std::thread(&render_farm::work, this)); // expect-path: wait-cycle {{starts a thread that runs 'render_farm::work' here}}
  }

  void stop() {
    running_ = false;
    for (auto &worker : workers_)
      if (worker.joinable())
        worker.join(); // expect-warning: wait-cycle {{possible deadlock: 'render_farm::stop', called on the thread that 'std::thread::thread' starts to run 'render_farm::work', joins 'render_farm::workers_', where that thread's own handle is kept}}
  }

private:
  void work() {
    while (running_)
      if (!render_next_tile())
        stop(); // expect-path: wait-cycle {{calls 'render_farm::stop' on that thread}}
  }

  std::atomic<bool> running_{true};
  std::vector<std::thread> workers_;
};

int main() {
  render_farm farm(4);
  farm.stop();
}
