// The twin of qcoro_waitfor_in_coroutine.cpp: the same QCoro::waitFor after
// the coroutine's first co_await, where the event loop that resumed it runs
// it. waitFor runs a nested loop, so the loop's other work goes on inside the
// call: no stall and no deadlock, but re-entrancy, which is worth a note.
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
  int n = QCoro::waitFor(fetch_count()); // expect-note: blocking-call {{call to 'QCoro::waitFor' on the event loop runs a nested event loop until an awaitable finishes: the loop's other work runs inside this call}}
  co_return n + 1;
}
// expect-path@-5: blocking-call {{'total' is a coroutine: after it suspends, the event loop resumes it}}

int main() { return QCoro::waitFor(total()) == 4 ? 0 : 1; }
