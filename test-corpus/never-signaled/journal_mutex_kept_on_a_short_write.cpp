// A write-ahead journal locks its mutex by hand around each append, and
// unlocks it before the fsync. When the write comes up short it reports
// the error and returns, still holding the mutex: the next append (from
// the flusher thread or the next request) blocks in lock() for ever. The
// twin, journal_mutex_unlocked_on_a_short_write.cpp, unlocks first.
#include <cerrno>
#include <cstdio>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>

class journal {
public:
  explicit journal(int fd) : fd_(fd) {}

  int append(const std::string &record) {
    mu_.lock();
    ssize_t n = ::write(fd_, record.data(), record.size());
    if (n != static_cast<ssize_t>(record.size())) {
      std::fprintf(stderr, "journal: short write (%zd)\n", n);
      return -EIO; // expect-warning: never-signaled {{this return keeps mutex 'journal::mu_', which 'journal::append' takes and gives back itself on its other path: the next lock of 'journal::mu_' waits forever}}
    }
    ++records_;
    mu_.unlock();
    return ::fsync(fd_);
  }

private:
  int fd_;
  std::mutex mu_;
  long records_ = 0;
};

int main() {
  journal j(1);
  std::thread flusher([&] { j.append("flush\n"); });
  j.append("begin\n");
  flusher.join();
}
