// expect-no-findings
//
// Uses every function and type named in rules/models/async-simple.json.
// async_simple is not packaged in Debian, so this file includes the stub
// headers of test-corpus/include/stubs/async_simple, written from the real
// headers at the commit the model's checkedAgainst names; a model name that
// stops matching them fails the model name check. The coroutines only do
// non-blocking work; the blocking calls are in a plain function that no loop
// runs.

#include <stubs/async_simple/async_simple/Executor.h>
#include <stubs/async_simple/async_simple/Future.h>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/Collect.h>
#include <stubs/async_simple/async_simple/coro/ConditionVariable.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Latch.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <stubs/async_simple/async_simple/coro/Mutex.h>
#include <stubs/async_simple/async_simple/coro/Semaphore.h>
#include <stubs/async_simple/async_simple/coro/SharedMutex.h>
#include <stubs/async_simple/async_simple/coro/Sleep.h>
#include <stubs/async_simple/async_simple/coro/SyncAwait.h>

#include <chrono>
#include <exception>
#include <utility>

using namespace std::chrono_literals;
using async_simple::Future;
using async_simple::Promise;
using async_simple::Try;
using async_simple::coro::Lazy;

namespace async_simple_api {

int events = 0;

Lazy<int> answer() { co_return 42; }

// A delay, racing a lazy against one, and a future awaited.
Lazy<int> pause(Future<int> fut) {
  co_await async_simple::coro::sleep(1ms);
  auto first = co_await async_simple::coro::collectAny(answer(), async_simple::coro::sleep(1s));
  events += static_cast<int>(first.index());
  co_return co_await std::move(fut);
}

// Promises fulfilled, and continuations on their futures.
void fulfil(Promise<int> &p, Promise<int> &q) {
  Future<int> fut = p.getFuture();
  std::move(fut).thenValue([](int v) { events += v; });
  q.getFuture().thenTry([](Try<int> &&t) { events += t.value(); });
  p.setValue(1);
  q.setException(std::make_exception_ptr(0));
}

void chain(Promise<int> &p) {
  Future<int> fut = p.getFuture();
  std::move(fut).then([](Try<int> &&t) { events += t.hasError(); });
}

// Lazies started with a callback, on an executor or not.
void start(async_simple::Executor *ex) {
  answer().start([](Try<int> &&t) { events += t.value(); });
  answer().directlyStart([](Try<int> &&t) { events += t.value(); }, ex);
  async_simple::coro::RescheduleLazy<int> moved = answer().via(ex);
  moved.start([](Try<int> &&t) { events += t.value(); });
}

// A latch counted down and waited on.
Lazy<> arrive(async_simple::coro::Latch &latch) {
  co_await latch.count_down();
  co_await latch.arrive_and_wait();
  co_await latch.wait();
}

// A semaphore taken, given back and tried.
Lazy<> use_units(async_simple::coro::CountingSemaphore<2> &sem) {
  co_await sem.acquire();
  ++events;
  co_await sem.release();
  if (co_await sem.try_acquire()) {
    ++events;
    co_await sem.release();
  }
}

// The async mutexes, locked and unlocked by hand, by a guard, and tried; a
// condition variable waited on under the mutex, and notified.
Lazy<> count(async_simple::coro::Mutex &mutex,
             async_simple::coro::SharedMutex &shared,
             async_simple::coro::ConditionVariable<async_simple::coro::Mutex> &cv) {
  co_await mutex.coLock();
  co_await cv.wait(mutex, [] { return events > 0; });
  ++events;
  mutex.unlock();
  if (mutex.tryLock())
    mutex.unlock();
  {
    auto held = co_await mutex.coScopedLock(); // Unlocks when it goes.
  }

  co_await shared.coLock();
  ++events;
  co_await shared.unlock();
  co_await shared.coLockShared();
  ++events;
  co_await shared.unlockShared();
  if (shared.tryLock())
    co_await shared.unlock();
  if (shared.tryLockShared())
    co_await shared.unlockShared();
}

void notify(async_simple::coro::ConditionVariable<async_simple::coro::Mutex> &cv) {
  cv.notify();
  cv.notifyOne();
  cv.notifyAll();
}

// Waits for lazies and futures, where no loop runs.
void synchronous(Promise<int> &p, Promise<int> &q) {
  events += async_simple::coro::syncAwait(answer());
  Future<int> fut = p.getFuture();
  fut.wait();
  events += std::move(fut).get();
  events += async_simple::coro::syncAwait(pause(q.getFuture()));
}

} // namespace async_simple_api

int main() {
  Promise<int> p;
  Promise<int> q;
  async_simple_api::synchronous(p, q);
}
