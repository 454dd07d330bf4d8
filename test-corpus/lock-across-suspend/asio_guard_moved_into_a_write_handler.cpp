// Real Boost.Asio, callbacks: an audit log batches lines under a std::mutex.
// To keep writers out until the batch is on disk, `persist()` moves its
// unique_lock into the completion handler of the write's pacing timer. The
// mutex then stays locked after `persist()` returns, until the loop runs
// that handler; a `record()` posted to the same io_context meanwhile blocks
// the loop's only thread in lock(), so the handler that would unlock never
// runs. The twin, asio_guard_released_before_the_write_handler.cpp, unlocks
// before arming the timer and locks again inside the handler.
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
    std::lock_guard<std::mutex> guard(mutex_); // expect-path: lock-across-suspend {{'AuditLog::record' takes 'AuditLog::mutex_' here, on the loop: while the callback holds it, this waits and blocks the loop's thread}}
    lines_.push_back(std::move(line));
  }

  void persist() {
    std::unique_lock<std::mutex> held(mutex_); // expect-path: lock-across-suspend {{acquired here}}
    if (lines_.empty())
      return;
    pacing_.expires_after(std::chrono::milliseconds(5));
    pacing_.async_wait([this, held = std::move(held)](const boost::system::error_code &) mutable { // expect-warning: lock-across-suspend {{lock 'held' on 'AuditLog::mutex_' is moved into a callback handed to the event loop, so the mutex stays locked until the loop runs the callback}}
      written_ += lines_.size();
      lines_.clear();
      held.unlock();
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
