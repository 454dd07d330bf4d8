// Looks like the QCoro and QTimer positives, but the blocking work is handed
// to Qt's thread pool: QtConcurrent::run runs the callable on a pool thread,
// where opening a file and sleeping block no event loop. The coroutine and
// the timer callback only hand the work over.
// expect-no-findings
// expect-edge: snapshot_later offload (lambda at *)
// expect-edge: snapshot_every_second loop-callback (lambda at *)
// expect-edge: (lambda at *) offload (lambda at *)
// expect-edge: save_snapshot runs-on worker
// expect-no-edge: save_snapshot runs-on loop
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroTask>
#include <QFile>
#include <QThread>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

void save_snapshot(const QByteArray &data) {
  QFile file(QStringLiteral("snapshot.bin"));
  if (file.open(QIODevice::WriteOnly))
    file.write(data);
  QThread::msleep(5); // throttles the pool thread
}

QCoro::Task<void> snapshot_later(QByteArray data) {
  QtConcurrent::run([data] { save_snapshot(data); });
  co_return;
}

void snapshot_every_second(QByteArray data) {
  QTimer::singleShot(1000, [data] {
    QtConcurrent::run([data] { save_snapshot(data); });
  });
}
