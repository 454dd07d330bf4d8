// expect-no-findings
//
// A test harness starts each test coroutine under a watchdog: a single-shot
// timer that exits the harness's event loop after five seconds, failing the
// test. A test that reads from the in-process server needs no deadline of its
// own: if the server never answers, the watchdog ends the wait.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroIODevice>
#include <QCoroTask>
#include <QDebug>
#include <QEventLoop>
#include <QTcpSocket>
#include <QTimer>
#include <chrono>

class SocketTest {
public:
  using Test = QCoro::Task<> (SocketTest::*)(QEventLoop &);

  void runUnderWatchdog(Test test) {
    QEventLoop loop;
    QTimer::singleShot(std::chrono::seconds(5), &loop, [&loop] { loop.exit(1); });
    (this->*test)(loop);
    loop.exec();
  }

  QCoro::Task<> readsGreeting(QEventLoop &loop) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), 4242);
    const QByteArray greeting = co_await qCoro(socket).readAll();
    qDebug() << greeting;
    loop.quit();
  }

  void testReadsGreeting() { runUnderWatchdog(&SocketTest::readsGreeting); }
};
