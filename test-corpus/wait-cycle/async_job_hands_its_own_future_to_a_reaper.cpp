// The twin of async_job_erases_its_own_future.cpp: an upload that is done
// moves its own future out of the table and hands it to a reaper thread,
// which drops it there; the upload's thread never waits for itself.
// expect-no-findings
#include <condition_variable>
#include <deque>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>

void upload(const std::string &batch);

class reaper {
public:
  reaper() : thread_(&reaper::drain, this) {}

  void keep(std::future<void> done) {
    std::lock_guard<std::mutex> hold(mutex_);
    done_.push_back(std::move(done));
    wake_.notify_one();
  }

private:
  void drain() {
    for (;;) {
      std::unique_lock<std::mutex> hold(mutex_);
      wake_.wait(hold, [this] { return !done_.empty(); });
      done_.pop_front();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::future<void>> done_;
  std::thread thread_;
};

class log_shipper {
public:
  void ship(std::string batch) {
    std::lock_guard<std::mutex> hold(mutex_);
    long id = next_++;
    auto sending = std::async(std::launch::async, [this, id, batch] {
      upload(batch);
      std::lock_guard<std::mutex> relock(mutex_);
      auto mine = std::move(in_flight_[id]);
      reaper_.keep(std::move(mine));
    });
    in_flight_[id] = std::move(sending);
  }

private:
  std::mutex mutex_;
  long next_ = 0;
  std::unordered_map<long, std::future<void>> in_flight_;
  reaper reaper_;
};

int main() {
  log_shipper s;
  s.ship("batch");
}
