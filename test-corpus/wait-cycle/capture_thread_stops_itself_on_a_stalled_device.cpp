// A camera backend reads frames on a capture thread owned through a
// unique_ptr. When the device stalls, the capture loop stops streaming
// itself: stop_capture() joins the capture thread, which is the thread
// running it.
#include <atomic>
#include <memory>
#include <poll.h>
#include <thread>

class camera {
public:
  explicit camera(int fd) : fd_(fd) {}

  void start_capture() {
    capturing_ = true;
    capture_ = std::unique_ptr<std::thread>(new std::thread([this] { capture_loop(); })); // expect-path: wait-cycle {{starts a thread that runs}}
  }

  void stop_capture() {
    capturing_ = false;
    if (capture_ && capture_->joinable())
      capture_->join(); // expect-error: wait-cycle {{deadlock: 'camera::stop_capture', called on the thread that 'std::thread::thread' starts to run '(lambda at capture_thread_stops_itself_on_a_stalled_device.cpp:16:61)', joins 'camera::capture_', which holds that thread}}
  }

private:
  void capture_loop() {
    while (capturing_) {
      pollfd ready{fd_, POLLIN, 0};
      if (::poll(&ready, 1, 5000) == 0)
        stop_capture(); // expect-path: wait-cycle {{calls 'camera::stop_capture' on that thread}}
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
