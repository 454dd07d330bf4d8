// main starts two threads, each draining a log queue of its own into the
// sink; each waits until a line comes or its queue is closed. close() wakes
// one waiter, the queue's only drainer. The twin,
// log_queue_closed_with_one_wakeup_for_three_drainers.cpp, has three
// threads drain one queue: the one wakeup leaves two of them waiting.
// expect-no-findings
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
      closed_ = true;
    }
    ready_.notify_one();
  }

  void drain() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      ready_.wait(lock, [this] { return closed_ || !lines_.empty(); });
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
  log_queue access, errors;
  std::thread access_drainer([&access] { access.drain(); });
  std::thread errors_drainer([&errors] { errors.drain(); });
  access.push("started\n");
  access.close();
  errors.close();
  access_drainer.join();
  errors_drainer.join();
}
