// The twin of journal_mutex_kept_on_a_short_write.cpp: a write-ahead
// journal locks its mutex by hand around each append and reports a short
// write with an early return, but unlocks the mutex before that return.
// expect-no-findings
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
      mu_.unlock();
      std::fprintf(stderr, "journal: short write (%zd)\n", n);
      return -EIO;
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
