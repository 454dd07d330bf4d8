// Twin of asio_guard_moved_into_a_write_handler.cpp: `persist()` takes the
// batch and unlocks before arming the pacing timer, and the completion
// handler locks the mutex again for its own bookkeeping. Nothing holds the
// mutex while the loop waits for the timer, so a `record()` posted
// meanwhile takes it and returns.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <mutex>
#include <string>
#include <vector>

namespace asio = boost::asio;

class AuditLog {
public:
  explicit AuditLog(asio::io_context &io) : io_(io), pacing_(io) {}

  void record(std::string line) {
    std::lock_guard<std::mutex> guard(mutex_);
    lines_.push_back(std::move(line));
  }

  void persist() {
    std::unique_lock<std::mutex> held(mutex_);
    if (lines_.empty())
      return;
    std::vector<std::string> batch;
    batch.swap(lines_);
    held.unlock();
    pacing_.expires_after(std::chrono::milliseconds(5));
    pacing_.async_wait([this, batch = std::move(batch)](const boost::system::error_code &) {
      std::lock_guard<std::mutex> again(mutex_);
      written_ += batch.size();
    });
  }

  void start() {
    asio::post(io_, [this] { record("login alice"); });
    asio::post(io_, [this] { persist(); });
    asio::post(io_, [this] { record("logout alice"); });
  }

private:
  asio::io_context &io_;
  asio::steady_timer pacing_;
  std::mutex mutex_;
  std::vector<std::string> lines_;
  std::size_t written_ = 0;
};

int main() {
  asio::io_context io;
  AuditLog log(io);
  log.start();
  io.run();
}
