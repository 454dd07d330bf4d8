// The twin of reader_thread_closes_its_own_connection.cpp: close() asks
// which thread it runs on, and on the reader's own thread detaches it
// instead of joining.
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
    if (!reader_.joinable())
      return;
    if (reader_.get_id() == std::this_thread::get_id())
      reader_.detach();
    else
      reader_.join();
  }

private:
  void read_frames() {
    char frame[512];
    while (running_) {
      ssize_t n = ::read(fd_, frame, sizeof frame);
      if (n <= 0 || frame[0] != 'Q')
        close();
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
