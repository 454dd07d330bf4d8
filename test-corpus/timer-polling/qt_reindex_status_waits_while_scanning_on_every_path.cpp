// A desktop indexer rescans a folder on a QThread while a status line on the
// GUI thread logs, every 200 ms, how far the scan got; once the task leaves
// Scanning it stops its timer and quits. A root folder that has gone away
// moves the task to Aborted as it notes the error: the status line stops on
// every path. The twin,
// qt_reindex_status_waits_while_scanning_after_a_missing_root.cpp, returns
// still in Scanning.
// expect-no-findings The Qt headers come in through -I, as qmake and
// hand-written compile commands name them: they are still Qt's code, so the
// logging in the timer is no work of the program's.
// corolint-flags: -I/usr/include/x86_64-linux-gnu/qt6 -I/usr/include/x86_64-linux-gnu/qt6/QtCore -fPIC
#include <QCoreApplication>
#include <QDebug>
#include <QDir>
#include <QThread>
#include <QTimer>

#include <atomic>

class ReindexTask {
public:
  enum class Phase { Scanning, Indexed, Aborted };

  explicit ReindexTask(QString root) : root_(std::move(root)) {}

  void run() {
    QDir dir(root_);
    if (!dir.exists()) {
      noteError(QStringLiteral("root folder is gone: ") + root_);
      phase_ = Phase::Aborted;
      return;
    }
    for (const QString &name : dir.entryList(QDir::Files))
      if (!name.startsWith(QLatin1Char('.')))
        ++scanned_;
    phase_ = Phase::Indexed;
  }

  Phase phase() const { return phase_.load(); }
  int scanned() const { return scanned_.load(); }

private:
  void noteError(const QString &why) { lastError_ = why; }

  QString root_;
  QString lastError_;
  std::atomic<Phase> phase_{Phase::Scanning};
  std::atomic<int> scanned_{0};
};

class StatusLine {
public:
  explicit StatusLine(const ReindexTask &task) : task_(task) {
    QObject::connect(&timer_, &QTimer::timeout, [this] { refresh(); });
  }

  void start() { timer_.start(200); }

private:
  void refresh() {
    const ReindexTask::Phase phase = task_.phase();
    if (phase == ReindexTask::Phase::Scanning) {
      qDebug() << "scanned" << task_.scanned() << "files";
      return;
    }
    timer_.stop();
    QCoreApplication::quit();
  }

  const ReindexTask &task_;
  QTimer timer_;
};

int main(int argc, char **argv) {
  QCoreApplication app(argc, argv);
  ReindexTask task(argc > 1 ? QString::fromLocal8Bit(argv[1])
                            : QStringLiteral("/srv/media"));
  QThread *worker = QThread::create([&task] { task.run(); });
  StatusLine status(task);
  worker->start();
  status.start();
  int rc = app.exec();
  worker->wait();
  delete worker;
  return rc;
}
