// A flusher thread waits for a nudge, flushes, and goes round again; on each
// turn it first tests the stop flag the owner sets under the same mutex.
// The wait itself tests nothing, but a stop that comes while the thread is
// flushing is seen on the next turn, and a nudge then lost only delays a
// flush. The count of turns is a statistic, not what the thread waits for.
// expect-no-findings
#include <condition_variable>
#include <mutex>
#include <thread>

class flusher {
public:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    long turns = 0;
    for (;;) {
      if (stopped_) {
        last_turns_ = turns;
        return;
      }
      nudged_.wait(lock);
      ++turns;
    }
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopped_ = true;
    nudged_.notify_one();
  }

private:
  std::mutex mutex_;
  std::condition_variable nudged_;
  bool stopped_ = false;
  long last_turns_ = 0;
};

int main() {
  flusher f;
  std::thread t([&] { f.run(); });
  f.stop();
  t.join();
}
