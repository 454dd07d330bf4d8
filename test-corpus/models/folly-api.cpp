// expect-no-findings
//
// Uses every function and type named in rules/models/folly.json. folly is not
// packaged in Debian, so this file includes the stub headers of
// test-corpus/include/stubs/folly, written from the real headers at the commit
// the model's checkedAgainst names; a model name that stops matching them
// fails the model name check. The coroutines and loop callbacks only do
// non-blocking work, and every external await is raced or given a timeout
// (which the model cannot always see: see checkedAgainst); the blocking calls
// are in plain functions that no loop runs.

#include <stubs/folly/folly/coro/Baton.h>
#include <stubs/folly/folly/coro/BlockingWait.h>
#include <stubs/folly/folly/coro/Collect.h>
#include <stubs/folly/folly/coro/Mutex.h>
#include <stubs/folly/folly/coro/Promise.h>
#include <stubs/folly/folly/coro/SharedLock.h>
#include <stubs/folly/folly/coro/SharedMutex.h>
#include <stubs/folly/folly/coro/SharedPromise.h>
#include <stubs/folly/folly/coro/Sleep.h>
#include <stubs/folly/folly/coro/Task.h>
#include <stubs/folly/folly/coro/Timeout.h>
#include <stubs/folly/folly/executors/CPUThreadPoolExecutor.h>
#include <stubs/folly/folly/executors/IOThreadPoolExecutor.h>
#include <stubs/folly/folly/fibers/BatchSemaphore.h>
#include <stubs/folly/folly/fibers/Semaphore.h>
#include <stubs/folly/folly/futures/Future.h>
#include <stubs/folly/folly/futures/Promise.h>
#include <stubs/folly/folly/futures/SharedPromise.h>
#include <stubs/folly/folly/io/async/EventBase.h>
#include <stubs/folly/folly/io/coro/ServerSocket.h>
#include <stubs/folly/folly/io/coro/Transport.h>

#include <chrono>
#include <cstddef>
#include <mutex>
#include <utility>
#include <vector>

using namespace std::chrono_literals;

namespace folly_api {

int events = 0;
unsigned char storage[64];

folly::coro::Task<int> answer() { co_return 42; }

folly::coro::Task<int> later(folly::coro::Baton &baton) {
  co_await baton;
  co_return 42;
}

// External operations, raced against a delay or bounded by a timeout.
folly::coro::Task<> talk(folly::EventBase *evb, folly::coro::TransportIf &base,
                         folly::coro::ServerSocket &server) {
  folly::coro::Transport transport = co_await folly::coro::Transport::newConnectedSocket(
      evb, folly::SocketAddress("127.0.0.1", 8080), 1000ms);
  co_await transport.read(folly::MutableByteRange(storage, sizeof storage), 1000ms);
  co_await folly::coro::timeout(transport.write(folly::ByteRange(storage, 4)), 1s);
  co_await folly::coro::timeout(base.write(folly::ByteRange(storage, 4)), 1s);
  auto accepted = co_await folly::coro::collectAny(server.accept(), folly::coro::sleep(1s));
  events += static_cast<int>(accepted.first);
  transport.close();
  transport.closeWithReset();
  base.close();
  base.closeWithReset();
  server.close();
}

// Races, timeouts and delays.
folly::coro::Task<> race(folly::coro::Baton &baton) {
  co_await folly::coro::collectAnyWithoutException(answer(), folly::coro::sleep(1ms));
  co_await folly::coro::collectAnyNoDiscard(answer(), folly::coro::sleep(1ms));
  std::vector<folly::coro::Task<int>> tasks;
  tasks.push_back(answer());
  co_await folly::coro::collectAnyRange(std::move(tasks));
  std::vector<folly::coro::Task<int>> more;
  more.push_back(answer());
  co_await folly::coro::collectAnyWithoutExceptionRange(std::move(more));
  std::vector<folly::coro::Task<int>> rest;
  rest.push_back(answer());
  co_await folly::coro::collectAnyNoDiscardRange(std::move(rest));
  events += co_await folly::coro::timeout(later(baton), 1s);
  events += co_await folly::coro::timeoutNoDiscard(later(baton), 1s);
  co_await folly::coro::sleep(1ms);
  co_await folly::coro::sleepReturnEarlyOnCancel(1ms);
  co_await folly::futures::sleep(1ms);
}

// A task on an executor, awaited.
folly::coro::Task<> on_executor(folly::Executor::KeepAlive<> ex) {
  folly::coro::TaskWithExecutor<int> bound = co_withExecutor(ex, answer());
  events += co_await std::move(bound);
}

// Batons, promises and futures: awaited, and signalled.
folly::coro::Task<> wait_for(folly::coro::Baton &baton, folly::coro::Future<int> fut,
                             folly::coro::SharedPromise<int> &shared,
                             folly::SemiFuture<int> semi, folly::Future<int> future) {
  co_await baton;
  events += co_await std::move(fut);
  events += co_await shared.getFuture();
  events += co_await std::move(semi);
  events += co_await std::move(future);
}

void signal(folly::coro::Baton &baton, folly::coro::Promise<int> &p,
            folly::coro::Promise<int> &q, folly::coro::Promise<int> &r,
            folly::coro::SharedPromise<int> &shared, folly::coro::SharedPromise<int> &other) {
  baton.post();
  p.setValue(1);
  q.setException(folly::exception_wrapper(std::exception_ptr()));
  r.setResult(folly::Try<int>(3));
  shared.setValue(1);
  other.setException(folly::exception_wrapper(std::exception_ptr()));
  folly::coro::SharedPromise<int> third;
  third.setTry(folly::Try<int>(3));
}

void fulfil(folly::Promise<int> &p, folly::Promise<int> &q, folly::Promise<int> &r,
            folly::Promise<int> &s, folly::SharedPromise<int> &sp,
            folly::SharedPromise<int> &sq, folly::SharedPromise<int> &sr,
            folly::SharedPromise<int> &ss) {
  folly::Future<int> f = p.getFuture();
  folly::SemiFuture<int> sf = q.getSemiFuture();
  folly::Future<int> g = sp.getFuture();
  folly::SemiFuture<int> sg = sq.getSemiFuture();
  p.setValue(1);
  q.setException(folly::exception_wrapper(std::exception_ptr()));
  r.setTry(folly::Try<int>(3));
  s.setWith([] { return 4; });
  sp.setValue(1);
  sq.setException(folly::exception_wrapper(std::exception_ptr()));
  sr.setTry(folly::Try<int>(3));
  ss.setWith([] { return 4; });
}

// Continuations on futures and semi-futures, and their timeouts.
void continuations(folly::Promise<int> &p) {
  p.getFuture().then([](folly::Try<int> &&t) { events += t.value(); });
  p.getFuture().thenValue([](int v) { events += v; });
  p.getFuture().thenValueInline([](int v) { events += v; });
  p.getFuture().thenExValue([](folly::Executor::KeepAlive<>, int v) { events += v; });
  p.getFuture().thenExValueInline([](folly::Executor::KeepAlive<>, int v) { events += v; });
  p.getFuture().thenTry([](folly::Try<int> &&t) { events += t.value(); });
  p.getFuture().thenTryInline([](folly::Try<int> &&t) { events += t.value(); });
  p.getFuture().thenExTry([](folly::Executor::KeepAlive<>, folly::Try<int> &&t) { events += t.value(); });
  p.getFuture().thenExTryInline([](folly::Executor::KeepAlive<>, folly::Try<int> &&t) { events += t.value(); });
  p.getFuture().ensure([] { ++events; });
  p.getFuture().thenError(folly::tag_t<std::exception>{}, [](const std::exception &) { return 0; });
  p.getFuture().thenErrorInline(folly::tag_t<std::exception>{}, [](const std::exception &) { return 0; });
  p.getFuture().within(1s);
  p.getFuture().onTimeout(1s, [] { return 0; });

  p.getSemiFuture().defer([](folly::Try<int> &&t) { events += t.value(); });
  p.getSemiFuture().deferValue([](int v) { events += v; });
  p.getSemiFuture().deferExValue([](folly::Executor::KeepAlive<>, int v) { events += v; });
  p.getSemiFuture().deferExTry([](folly::Executor::KeepAlive<>, folly::Try<int> &&t) { events += t.value(); });
  p.getSemiFuture().deferEnsure([] { ++events; });
  p.getSemiFuture().deferError(folly::tag_t<std::exception>{}, [](const std::exception &) { return 0; });
  p.getSemiFuture().within(1s);
}

// Semaphores taken, given back and tried, in a coroutine.
folly::coro::Task<> use_units(folly::fibers::Semaphore &sem,
                              folly::fibers::BatchSemaphore &batch) {
  co_await sem.co_wait();
  ++events;
  sem.signal();
  if (sem.try_wait()) {
    ++events;
    sem.signal();
  }
  co_await batch.co_wait(2);
  ++events;
  batch.signal(2);
  if (batch.try_wait(1)) {
    ++events;
    batch.signal(1);
  }
}

// The async mutexes: scoped locks held to the end of a block, locks and
// unlocks by hand, and tries.
folly::coro::Task<> count(folly::coro::Mutex &mutex, folly::coro::SharedMutexFair &shared) {
  {
    std::unique_lock<folly::coro::Mutex> lock = co_await mutex.co_scoped_lock();
    ++events;
  }
  co_await mutex.co_lock();
  ++events;
  mutex.unlock();
  if (mutex.try_lock())
    mutex.unlock();

  {
    std::unique_lock<folly::coro::SharedMutexFair> lock = co_await shared.co_scoped_lock();
    ++events;
  }
  {
    folly::coro::SharedLock<folly::coro::SharedMutexFair> lock =
        co_await shared.co_scoped_lock_shared();
    ++events;
  }
  {
    folly::coro::UpgradeLock<folly::coro::SharedMutexFair> lock =
        co_await shared.co_scoped_lock_upgrade();
    ++events;
  }
  co_await shared.co_lock();
  shared.unlock();
  co_await shared.co_lock_shared();
  shared.unlock_shared();
  co_await shared.co_lock_upgrade();
  shared.unlock_upgrade();
  if (shared.try_lock())
    shared.unlock();
  if (shared.try_lock_shared())
    shared.unlock_shared();
  if (shared.try_lock_upgrade())
    shared.unlock_upgrade();
}

// Loop callbacks and work offloaded to thread pools.
void callbacks(folly::EventBase &evb, folly::CPUThreadPoolExecutor &cpu,
               folly::IOThreadPoolExecutor &io) {
  evb.runInEventBaseThread([] { ++events; });
  evb.runInLoop([] { ++events; });
  evb.add([] { ++events; });
  evb.scheduleAt([] { ++events; }, std::chrono::steady_clock::now() + 1ms);
  evb.runAfterDelay([] { ++events; }, 10);
  evb.tryRunAfterDelay([] { ++events; }, 10);
  evb.timer().scheduleTimeoutFn([] { ++events; }, 10ms);
  cpu.add([] { ++events; });
  io.add([] { ++events; });
}

// Blocking calls, made where no loop runs.
void take_units(folly::fibers::Semaphore &sem, folly::fibers::BatchSemaphore &batch) {
  sem.wait();
  ++events;
  sem.signal();
  batch.wait(2);
  ++events;
  batch.signal(2);
}

void synchronous(folly::EventBase &evb, folly::ThreadPoolExecutor &pool,
                 folly::Promise<int> &p, folly::Promise<int> &q) {
  events += folly::coro::blocking_wait(answer());
  evb.runInEventBaseThreadAndWait([] { ++events; });
  evb.loop();
  evb.loopForever();
  pool.join();

  folly::Future<int> f = p.getFuture();
  f.wait();
  events += std::move(f).get();
  events += p.getFuture().getTry().value();
  folly::SemiFuture<int> s = q.getSemiFuture();
  s.wait();
  events += std::move(s).get();
  events += q.getSemiFuture().getTry().value();
}

} // namespace folly_api

int main() {
  folly::EventBase evb;
  folly::CPUThreadPoolExecutor pool(2);
  folly::Promise<int> p;
  folly::Promise<int> q;
  folly_api::synchronous(evb, pool, p, q);
}
