// expect-no-findings
// A thumbnailer thread waits on a QWaitCondition to be told that a page was
// queued; the scanner queues one and wakes it. The wait is in a loop on the
// queue: a wakeOne() that comes first leaves a page queued, and the
// thumbnailer finds it without waiting.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QMutex>
#include <QMutexLocker>
#include <QWaitCondition>
#include <deque>
#include <string>
#include <thread>

class thumbnailer {
public:
  void queue_page(std::string page) {
    QMutexLocker locker(&mutex_);
    pages_.push_back(std::move(page));
    page_queued_.wakeOne();
  }

  void render_next() {
    QMutexLocker locker(&mutex_);
    while (pages_.empty())
      page_queued_.wait(&mutex_);
    rendered_ += pages_.front().size();
    pages_.pop_front();
  }

private:
  QMutex mutex_;
  QWaitCondition page_queued_;
  std::deque<std::string> pages_;
  std::size_t rendered_ = 0;
};

int main() {
  thumbnailer t;
  std::thread renderer([&] { t.render_next(); });
  t.queue_page("cover.pdf#1");
  renderer.join();
}
