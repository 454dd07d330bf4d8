// A write-ahead journal appends a record under its mutex, then lends the
// guard to `seal`, which takes it by reference to number the batch: the
// guard is still `append`'s, and still holds the mutex while `append`
// awaits the replica's acknowledgement. The flusher's `drain`, on the same
// io_context thread, blocks on the mutex that the suspended coroutine holds.
// The twin, journal_append_hands_its_guard_to_the_sealer.cpp, moves the
// guard into seal's parameter.
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
    std::size_t batch = seal(held);
    co_await replica_.acknowledge(batch); // expect-warning: lock-across-suspend {{lock 'held' on 'Journal::mutex_' is held across co_await}}
  }

  std::size_t drain() {
    std::lock_guard<std::mutex> guard(mutex_);
    std::size_t n = pending_.size();
    pending_.clear();
    return n;
  }

private:
  std::size_t seal(std::unique_lock<std::mutex> &held) {
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
