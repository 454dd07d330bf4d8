// A log shipper uploads each batch with std::async and keeps the futures
// by batch number, so that flush() can wait for the uploads in flight. An
// upload that is done erases its own entry: the future destroyed by that
// erase is the upload's own, and its destructor waits for the upload's
// thread to finish, on that very thread.
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <unordered_map>

void upload(const std::string &batch);

class log_shipper {
public:
  void ship(std::string batch) {
    std::lock_guard<std::mutex> hold(mutex_);
    long id = next_++;
    auto sending = std::async(std::launch::async, [this, id, batch] { // expect-path: wait-cycle {{'std::async' starts a thread that runs}}
      upload(batch);
      std::lock_guard<std::mutex> relock(mutex_);
      in_flight_.erase(id); // expect-warning: wait-cycle {{possible deadlock: '(lambda at async_job_erases_its_own_future.cpp:19:51)', run on a thread by 'std::async', erases handles from 'log_shipper::in_flight_', where that thread's own handle is kept}}
    });
    in_flight_[id] = std::move(sending);
  }

  void flush() {
    std::unique_lock<std::mutex> hold(mutex_);
    auto pending = std::move(in_flight_);
    hold.unlock();
    for (auto &entry : pending)
      entry.second.wait();
  }

private:
  std::mutex mutex_;
  long next_ = 0;
  std::unordered_map<long, std::future<void>> in_flight_;
};

int main() {
  log_shipper s;
  s.ship("batch");
  s.flush();
}
