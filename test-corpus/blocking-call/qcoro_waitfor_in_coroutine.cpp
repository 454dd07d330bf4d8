// QCoro::waitFor inside a coroutine: it spins a nested event loop until the
// awaited task finishes, from code that is already running on the loop the
// task needs. Sync-over-async on the loop: an error, not a stall; the fix is
// co_await.
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
  int n = QCoro::waitFor(fetch_count()); // expect-error: blocking-call {{call to 'QCoro::waitFor' on the event loop waits for work that needs this loop}}
  co_return n + 1;
}

int main() { return QCoro::waitFor(total()) == 4 ? 0 : 1; }
