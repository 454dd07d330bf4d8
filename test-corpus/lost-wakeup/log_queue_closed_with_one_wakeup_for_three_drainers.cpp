// main starts three threads that drain one log queue into the sink; each
// waits until a line comes or the queue is closed. close() wakes one of
// them: the other two wait on, and main joins them forever. The twin,
// log_queues_closed_with_one_wakeup_each_for_their_drainer.cpp, gives each
// of two queues a drainer of its own, which the one wakeup reaches.
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

class log_queue {
public:
  void push(std::string line) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      lines_.push_back(std::move(line));
    }
    ready_.notify_one();
  }

  void close() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true; // expect-path: lost-wakeup {{'log_queue::closed_' changes here}}
    }
    ready_.notify_one(); // expect-warning: lost-wakeup {{'log_queue::ready_' wakes one waiter after 'log_queue::closed_' changed, but several threads wait on it for 'log_queue::closed_' and the one woken wakes no other}}
  }

  void drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ready_.wait(lock, [this] { return closed_ || !lines_.empty(); }); // expect-path: lost-wakeup {{each thread waits for it here}}
      if (lines_.empty())
        return;
      std::string line = std::move(lines_.front());
      lines_.pop_front();
      lock.unlock();
      std::fputs(line.c_str(), stderr);
      lock.lock();
    }
  }

private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::string> lines_;
  bool closed_ = false;
};

int main() {
  log_queue q;
  std::vector<std::thread> drainers;
  for (int i = 0; i < 3; ++i)
    drainers.emplace_back([&q] { q.drain(); }); // expect-path: lost-wakeup {{several threads that wait are started here}}
  q.push("started\n");
  q.close();
  for (std::thread &t : drainers)
    t.join();
}
