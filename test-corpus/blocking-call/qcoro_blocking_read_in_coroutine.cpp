// A QCoro coroutine that reads a file with QFile and with std::ifstream, on
// the real QCoro 0.8 and Qt 6.4 headers. A QCoro::Task coroutine runs on the
// thread of the Qt event loop that resumes it, so opening and reading the
// file stall every other slot, timer and coroutine of that loop. QFile::open
// is the call the models name: QIODevice::readAll is left out, since on a
// socket it only copies what has already arrived.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroTask>
#include <QCoroTimer>
#include <QFile>

#include <chrono>
#include <fstream>
#include <string>

QCoro::Task<QByteArray> load_settings(QString path) {
  co_await QCoro::sleepFor(std::chrono::milliseconds(10));
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) // expect-warning: blocking-call {{call to 'QFile::open' blocks the event loop (opens a file)}}
    co_return {};
  co_return file.readAll();
}

QCoro::Task<std::string> load_banner() { // expect-path: blocking-call {{'load_banner' is a coroutine that nothing in the program starts: it runs on the event loop}}
  std::ifstream in("banner.txt"); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
  std::string line;
  std::getline(in, line); // expect-warning: blocking-call {{'std::getline'}}
  co_return line;
}
