// A QTimer::singleShot callback that sleeps, on the real Qt 6.4 headers. Qt
// runs the functor on the event loop of the calling thread, so QThread::msleep
// blocks that loop: no other timer, socket or slot runs until it returns.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QThread>
#include <QTimer>

int retries = 0;

void retry_later() {
  QTimer::singleShot(100, [] { // expect-path: blocking-call {{is handed to the event loop here (loop callback)}}
    ++retries;
    QThread::msleep(250); // expect-warning: blocking-call {{call to 'QThread::msleep' blocks the event loop (sleeps)}}
  });
}
