// The twin of reader_thread_closes_its_own_connection.cpp: the reader that
// gives up first lets go of its own thread (detach), then runs the same
// close(), whose join is guarded by joinable() and so joins nothing.
// expect-no-findings
#include <atomic>
#include <thread>
#include <unistd.h>

class quote_feed {
public:
  explicit quote_feed(int fd) : fd_(fd) {}

  void open() { reader_ = std::thread(&quote_feed::read_frames, this); }

  void close() {
    running_ = false;
    if (reader_.joinable())
      reader_.join();
  }

private:
  void read_frames() {
    char frame[512];
    while (running_) {
      ssize_t n = ::read(fd_, frame, sizeof frame);
      if (n <= 0 || frame[0] != 'Q') {
        reader_.detach();
        close();
        return;
      }
    }
  }

  int fd_;
  std::atomic<bool> running_{true};
  std::thread reader_;
};

int main() {
  quote_feed feed(0);
  feed.open();
  feed.close();
}
