// On the real QCoro 0.8 and Qt 6.4 headers: awaiting readAll() on a socket
// waits until the peer sends something, with no deadline (QCoro's readAll
// takes one only when given). Sleeping with QCoro::sleepFor is not external.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroAbstractSocket>
#include <QCoroIODevice>
#include <QCoroTask>
#include <QCoroTimer>
#include <QTcpSocket>
#include <chrono>

QCoro::Task<QByteArray> next_request(QTcpSocket *socket) {
  co_await QCoro::sleepFor(std::chrono::milliseconds(10));
  co_return co_await qCoro(socket).readAll(); // expect-warning: missing-timeout {{'QCoro::detail::QCoroIODevice::readAll' waits for a peer with no deadline}}
}
