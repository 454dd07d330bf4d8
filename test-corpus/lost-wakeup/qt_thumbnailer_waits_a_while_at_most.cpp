// expect-no-findings
// A thumbnailer thread waits on a QWaitCondition to be told that a page was
// queued, for 200 ms at most (QWaitCondition::wait's second argument): a
// wakeOne() that comes first only delays it, and it renders what is queued
// by then.
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
    page_queued_.wait(&mutex_, 200);
    for (const std::string &page : pages_)
      rendered_ += page.size();
    pages_.clear();
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
