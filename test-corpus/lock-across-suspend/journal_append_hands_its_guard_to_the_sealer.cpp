// A write-ahead journal appends a record under its mutex, then hands the
// guard to `seal`, which takes it by value: the batch is numbered and the
// guard dies with seal's parameter, before `append` awaits the replica's
// acknowledgement. The flusher's `drain`, on the same io_context thread,
// finds the mutex free. The twin,
// journal_append_lends_its_guard_to_the_sealer.cpp, passes the guard by
// reference and still holds it across the await.
// expect-no-findings
#include <boost/asio.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <string>
#include <vector>

namespace asio = boost::asio;
using namespace std::chrono_literals;

class Replica {
public:
  explicit Replica(asio::any_io_executor ex) : ex_(ex) {}
  asio::awaitable<void> acknowledge(std::size_t batch) {
    asio::steady_timer rtt(ex_, 10ms);
    co_await rtt.async_wait(asio::use_awaitable);
    std::printf("batch %zu replicated\n", batch);
  }

private:
  asio::any_io_executor ex_;
};

class Journal {
public:
  explicit Journal(Replica &replica) : replica_(replica) {}

  asio::awaitable<void> append(std::string record) {
    std::unique_lock<std::mutex> held(mutex_);
    pending_.push_back(std::move(record));
    std::size_t batch = seal(std::move(held));
    co_await replica_.acknowledge(batch);
  }

  std::size_t drain() {
    std::lock_guard<std::mutex> guard(mutex_);
    std::size_t n = pending_.size();
    pending_.clear();
    return n;
  }

private:
  std::size_t seal(std::unique_lock<std::mutex> held) {
    return ++batches_;
  }

  Replica &replica_;
  std::mutex mutex_;
  std::vector<std::string> pending_;
  std::size_t batches_ = 0;
};

int main() {
  asio::io_context io;
  Replica replica(io.get_executor());
  Journal journal(replica);
  asio::co_spawn(io, journal.append("put k v"), asio::detached);
  asio::post(io, [&] { std::printf("drained %zu\n", journal.drain()); });
  io.run();
}
