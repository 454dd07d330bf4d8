// expect-no-findings
// Twin of qt_frame_counter_bumped_without_its_mutex.cpp: the capture thread
// bumps the frame counter under the mutex the renderer tests it under, so
// the renderer either sees the new frame or is already waiting for the wake.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>
#include <atomic>
#include <thread>

class preview {
public:
  void frame_captured() {
    {
      QMutexLocker locker(&mutex_);
      frames_.fetch_add(1);
    }
    new_frame_.wakeAll();
  }

  unsigned long draw_after(unsigned long drawn) {
    QMutexLocker locker(&mutex_);
    if (frames_.load() == drawn)
      new_frame_.wait(&mutex_);
    return frames_.load();
  }

private:
  QMutex mutex_;
  QWaitCondition new_frame_;
  std::atomic<unsigned long> frames_{0};
};

int main() {
  preview p;
  std::thread renderer([&] { p.draw_after(0); });
  p.frame_captured();
  renderer.join();
}
