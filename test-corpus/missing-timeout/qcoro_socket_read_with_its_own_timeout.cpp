// The twin of qcoro_socket_read_without_deadline.cpp on the real QCoro 0.8
// headers: readAll and readLine given a timeout return empty once it passes
// without data, so the awaits are bounded by their arguments.
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
  QByteArray line = co_await qCoro(socket).readLine(1024, std::chrono::seconds(5));
  co_return line + co_await qCoro(socket).readAll(std::chrono::milliseconds(500));
}
// expect-no-findings
