// The twin of reader_thread_closes_its_own_connection.cpp: each feed's
// reader thread closes the feeds that stand behind it in a failover chain,
// other objects of the same class, through pointers; close() joins their
// threads, not its own.
// expect-no-findings
#include <atomic>
#include <memory>
#include <thread>
#include <unistd.h>
#include <vector>

class quote_feed {
public:
  explicit quote_feed(int fd) : fd_(fd) {}

  void open() { reader_ = std::thread(&quote_feed::read_frames, this); }

  void close() {
    running_ = false;
    if (reader_.joinable())
      reader_.join();
  }

  void add_standby(std::unique_ptr<quote_feed> feed) {
    standbys_.push_back(std::move(feed));
  }

private:
  quote_feed &standby(size_t i) { return *standbys_[i]; }

  void read_frames() {
    char frame[512];
    if (::read(fd_, frame, sizeof frame) > 0)
      for (size_t i = 0; i < standbys_.size(); ++i) {
        standbys_[i]->close();
        standby(i).close();
      }
  }

  int fd_;
  std::atomic<bool> running_{true};
  std::thread reader_;
  std::vector<std::unique_ptr<quote_feed>> standbys_;
};

int main() {
  quote_feed feed(0);
  feed.add_standby(std::make_unique<quote_feed>(1));
  feed.open();
  feed.close();
}
