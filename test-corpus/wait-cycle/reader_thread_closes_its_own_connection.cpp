// A feed client reads quotes on a thread of its own. When the peer sends a
// malformed frame, the reader gives up and calls close(), the same member
// the owner calls at shutdown, which joins the reader thread: the reader
// waits for itself to finish.
#include <atomic>
#include <thread>
#include <unistd.h>

class quote_feed {
public:
  explicit quote_feed(int fd) : fd_(fd) {}

  void open() {
    reader_ = std::thread(&quote_feed::read_frames, this); // expect-path: wait-cycle {{starts a thread that runs 'quote_feed::read_frames' here}}
  }

  void close() {
    running_ = false;
    if (reader_.joinable())
      reader_.join(); // expect-error: wait-cycle {{deadlock: 'quote_feed::close', called on the thread that 'std::thread::thread' starts to run 'quote_feed::read_frames', joins 'quote_feed::reader_', which holds that thread}}
  }

private:
  void read_frames() {
    char frame[512];
    while (running_) {
      ssize_t n = ::read(fd_, frame, sizeof frame);
      if (n <= 0 || frame[0] != 'Q')
        close(); // expect-path: wait-cycle {{calls 'quote_feed::close' on that thread}}
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
