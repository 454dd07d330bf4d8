// The twin of capture_thread_stops_itself_on_a_stalled_device.cpp: on a
// stall the capture loop only clears the flag and returns; the owner's
// stop_capture() joins the thread that has ended.
// expect-no-findings
#include <atomic>
#include <memory>
#include <poll.h>
#include <thread>

class camera {
public:
  explicit camera(int fd) : fd_(fd) {}

  void start_capture() {
    capturing_ = true;
    capture_ = std::unique_ptr<std::thread>(new std::thread([this] { capture_loop(); }));
  }

  void stop_capture() {
    capturing_ = false;
    if (capture_ && capture_->joinable())
      capture_->join();
  }

private:
  void capture_loop() {
    while (capturing_) {
      pollfd ready{fd_, POLLIN, 0};
      if (::poll(&ready, 1, 5000) == 0)
        capturing_ = false;
    }
  }

  int fd_;
  std::atomic<bool> capturing_{false};
  std::unique_ptr<std::thread> capture_;
};

int main() {
  camera cam(0);
  cam.start_capture();
  cam.stop_capture();
}
