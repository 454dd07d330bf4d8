// A thumbnailer thread waits on a QWaitCondition to be told that a page was
// queued; the scanner queues one and wakes it. The wait tests nothing: when
// the scanner is quicker than the thumbnailer's start-up, its wakeOne() comes
// before the wait, nobody hears it, and the thumbnailer sleeps for ever.
// Twins: qt_thumbnailer_waits_while_the_queue_is_empty.cpp,
// qt_thumbnailer_waits_a_while_at_most.cpp.
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
    page_queued_.wait(&mutex_); // expect-warning: lost-wakeup {{waits on 'thumbnailer::page_queued_' without testing any state: a notify that comes before this wait finds no waiter and is forgotten}}
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
