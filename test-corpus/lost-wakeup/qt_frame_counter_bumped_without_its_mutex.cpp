// A Qt camera preview: the renderer takes the frame mutex and, when no frame
// came since the one it drew (an `if` on an atomic counter), waits on a
// QWaitCondition handed the mutex itself. The capture thread bumps the
// counter and wakes the renderer without the mutex: a wake that lands
// between the renderer's test and its wait is lost, and the preview freezes
// until the next frame, which may not come. The twin,
// qt_frame_counter_bumped_under_its_mutex.cpp, bumps it under the mutex.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>
#include <atomic>
#include <thread>

class preview {
public:
  void frame_captured() {
    frames_.fetch_add(1); // expect-path: lost-wakeup {{'preview::frames_' changes here without 'preview::mutex_'}}
    new_frame_.wakeAll(); // expect-warning: lost-wakeup {{'preview::new_frame_' is notified after 'preview::frames_' changed without 'preview::mutex_'}}
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
