// QCoro::waitFor inside a coroutine that main starts: QCoro tasks start
// eagerly, so everything before total's first co_await runs on main's thread,
// where running a nested event loop until the task finishes is what waitFor
// is for. Nothing waits on an event loop's thread here.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC
#include <QCoroTask>
#include <QCoroTimer>

#include <chrono>

QCoro::Task<int> fetch_count() {
  co_await QCoro::sleepFor(std::chrono::milliseconds(5));
  co_return 3;
}

QCoro::Task<int> total() {
  int n = QCoro::waitFor(fetch_count());
  co_return n + 1;
}

int main() { return QCoro::waitFor(total()) == 4 ? 0 : 1; }
// expect-no-findings
