// The same harness, but its timer only logs that a test is slow: the loop
// goes on running, so a test whose server never answers waits forever.
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

  void runAndWarnWhenSlow(Test test) {
    QEventLoop loop;
    QTimer::singleShot(std::chrono::seconds(5), &loop, [] { qWarning() << "test is slow"; });
    (this->*test)(loop);
    loop.exec();
  }

  QCoro::Task<> readsGreeting(QEventLoop &loop) {
    QTcpSocket socket;
    socket.connectToHost(QStringLiteral("127.0.0.1"), 4242);
    const QByteArray greeting = co_await qCoro(socket).readAll(); // expect-warning: missing-timeout {{'QCoro::detail::QCoroIODevice::readAll' waits for a peer with no deadline}}
    qDebug() << greeting;
    loop.quit();
  }

  void testReadsGreeting() { runAndWarnWhenSlow(&SocketTest::readsGreeting); }
};
