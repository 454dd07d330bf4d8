// The twin of qcoro_waitfor_in_coroutine.cpp: the same QCoro::waitFor after
// the coroutine's first co_await, where the event loop that resumed it runs
// it. Waiting there for work that may need that loop is reported; whether it
// deadlocks depends on which loop resumes it, which the program does not show,
// so it is a warning that says so.
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
  co_await QCoro::sleepFor(std::chrono::milliseconds(1));
  int n = QCoro::waitFor(fetch_count()); // expect-warning: blocking-call {{call to 'QCoro::waitFor' in a coroutine waits for work that may need the thread it runs on}}
  co_return n + 1;
}
// expect-path@-5: blocking-call {{'total' is a coroutine: after it suspends, the event loop resumes it}}

int main() { return QCoro::waitFor(total()) == 4 ? 0 : 1; }
