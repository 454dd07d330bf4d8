// expect-no-findings
//
// Uses every function and type named in rules/models/qcoro.json, on the real
// QCoro 0.8 and Qt 6.4 headers. The coroutines and loop callbacks only do
// non-blocking work, and every external await passes a timeout (which the
// model cannot see: see checkedAgainst); the synchronous Qt calls are in plain
// functions that no loop runs, or on a worker. A model name that stops
// matching QCoro or Qt fails the model name check.
//
// Qt is built with -reduce-relocations, so its headers want -fPIC.
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6 -isystem/usr/include/x86_64-linux-gnu/qt6/QtCore
// corolint-flags: -isystem/usr/include/x86_64-linux-gnu/qt6/QtNetwork -isystem/usr/include/x86_64-linux-gnu/qt6/QtConcurrent
// corolint-flags: -isystem/usr/include/qcoro6 -isystem/usr/include/qcoro6/qcoro -isystem/usr/include/qcoro6/QCoro -fPIC

#include <QCoroAbstractSocket>
#include <QCoroIODevice>
#include <QCoroNetworkReply>
#include <QCoroSignal>
#include <QCoroTask>
#include <QCoroTimer>

#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QFuture>
#include <QMutex>
#include <QWaitCondition>
#include <QNetworkReply>
#include <QObject>
#include <QProcess>
#include <QTcpSocket>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QtConcurrent/QtConcurrentRun>

#include <chrono>

using namespace std::chrono_literals;

namespace qcoro_api {

int events = 0;

// Awaitables: external operations with a timeout passed, and delays.
QCoro::Task<QByteArray> fetch(QNetworkReply *reply, QTcpSocket *socket) {
  co_await qCoro(reply).waitForFinished(5s);
  QByteArray body = co_await qCoro(reply).readAll(5s);
  body += co_await qCoro(socket).read(64, 5s);
  body += co_await qCoro(socket).readLine(0, 5s);
  co_await qCoro(socket).write(body);
  co_return body;
}

QCoro::Task<void> pause(QTimer *timer) {
  co_await QCoro::sleepFor(10ms);
  co_await QCoro::sleepUntil(std::chrono::steady_clock::now() + 10ms);
  timer->start(10ms);
  co_await qCoro(timer).waitForTimeout();
}

// A mutex guarded in a coroutine, released before the next suspension, and
// locked by hand where no loop runs.
QMutex counter_mutex;

QCoro::Task<void> count() {
  {
    QMutexLocker locker(&counter_mutex);
    ++events;
    locker.unlock();
    locker.relock();
  }
  co_await QCoro::sleepFor(1ms);
}

// A condition variable waited on with a state loop, for ever and for a
// while, and woken every way it can be.
QWaitCondition counter_changed;

void await_count(int seen) {
  QMutexLocker locker(&counter_mutex);
  while (events == seen)
    counter_changed.wait(&counter_mutex);
  while (events == seen + 1)
    counter_changed.wait(&counter_mutex, 50);
}

void wake_counters() {
  counter_changed.wakeOne();
  counter_changed.wakeAll();
  counter_changed.notify_one();
  counter_changed.notify_all();
}

void tally() {
  counter_mutex.lock();
  ++events;
  counter_mutex.unlock();
  if (counter_mutex.tryLock()) {
    ++events;
    counter_mutex.unlock();
  }
  if (counter_mutex.try_lock()) {
    ++events;
    counter_mutex.unlock();
  }
}

// Loop callbacks and continuations.
void callbacks(QObject *context, QTimer *timer, QNetworkReply *reply,
               QTcpSocket *socket) {
  QTimer::singleShot(10, [] { ++events; });
  QTimer::singleShot(10, context, [] { ++events; });
  QTimer::singleShot(10, Qt::PreciseTimer, context, [] { ++events; });
  QObject::connect(timer, &QTimer::timeout, context, [] { ++events; });
  QObject::connect(timer, &QTimer::timeout, [] { ++events; });
  fetch(reply, socket).then([](const QByteArray &body) { events += body.size(); });
  QCoro::connect(pause(timer), context, [] { ++events; });
}

// Loops stopped, one of them by a watchdog timer.
void stop_loops(QEventLoop &loop) {
  QTimer::singleShot(5000, &loop, [&loop] { loop.exit(1); });
  loop.quit();
  QCoreApplication::exit(0);
  QCoreApplication::quit();
}

// Blocking Qt calls, made where no loop runs: on worker threads, or from
// plain functions.
void blocking_file(const QString &path) {
  QFile file(path);
  if (file.open(QIODevice::ReadOnly))
    events += file.readAll().size();
}

void offloads(const QString &path) {
  QFuture<void> done = QtConcurrent::run([path] { blocking_file(path); });
  QThreadPool *pool = QThreadPool::globalInstance();
  pool->start([path] { blocking_file(path); });
  pool->tryStart([path] { blocking_file(path); });
  pool->startOnReservedThread([path] { blocking_file(path); });
  QThread *worker = QThread::create([path] { blocking_file(path); });
  worker->start();
  worker->wait();
  delete worker;
  done.waitForFinished();
  QFuture<int> answer = QtConcurrent::run([] { return 42; });
  QFuture<void> pooled = QtConcurrent::run(pool, [path] { blocking_file(path); });
  events += answer.result();
}

void synchronous(QTcpSocket &socket, QProcess &process, QThread &thread,
                 QIODevice &device, QCoro::Task<QByteArray> task) {
  QThread::sleep(0);
  QThread::msleep(1);
  QThread::usleep(10);
  thread.wait();
  socket.connectToHost(QStringLiteral("localhost"), 80);
  socket.waitForConnected(1000);
  socket.write("ping");
  socket.waitForBytesWritten(1000);
  socket.waitForReadyRead(1000);
  socket.disconnectFromHost();
  socket.waitForDisconnected(1000);
  device.waitForReadyRead(1000);
  device.waitForBytesWritten(1000);
  process.start(QStringLiteral("true"), {});
  process.waitForStarted();
  process.waitForFinished();
  events += QCoro::waitFor(std::move(task)).size();
}

// Signals, as moc defines them: a signal's body activates it, and the
// dispatcher invokes it by index. Awaited for at most a second.
class Beacon : public QObject {
  Q_OBJECT
Q_SIGNALS:
  void lit(int level);
};

QCoro::Task<int> watch(Beacon *beacon) {
  auto level = co_await qCoro(beacon, &Beacon::lit, 1s);
  auto levels = qCoroSignalListener(beacon, &Beacon::lit, 1s);
  for (auto it = co_await levels.begin(); it != levels.end(); co_await ++it)
    level = *it;
  co_return level.value_or(0);
}

void Beacon::lit(int level) {
  void *args[] = {nullptr, &level};
  QMetaObject::activate(this, &staticMetaObject, 0, args);
}

void Beacon::qt_static_metacall(QObject *object, QMetaObject::Call call,
                                int index, void **args) {
  if (call == QMetaObject::InvokeMetaMethod && index == 0)
    static_cast<Beacon *>(object)->lit(*static_cast<int *>(args[1]));
}

} // namespace qcoro_api

int main() {
  QObject context;
  QTimer timer;
  QTcpSocket socket;
  QProcess process;
  QThread thread;
  qcoro_api::callbacks(&context, &timer, nullptr, &socket);
  qcoro_api::offloads(QStringLiteral("/tmp/qcoro-api"));
  qcoro_api::synchronous(socket, process, thread, socket,
                         qcoro_api::fetch(nullptr, &socket));
  QCoro::waitFor(qcoro_api::count());
  qcoro_api::tally();
  qcoro_api::Beacon beacon;
  QCoro::waitFor(qcoro_api::watch(&beacon));
}
