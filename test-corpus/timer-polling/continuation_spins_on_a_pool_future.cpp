// A test chains a continuation on a future bound to a pool executor, and the
// continuation spins until a plain thread sets a flag. The spin holds one
// pool thread (or the thread that fulfils the promise), not an event loop,
// and the thread it waits for needs no loop: a deliberate handshake. The
// twin, continuation_spins_on_the_reactor.cpp, chains the same spin in loop
// code.
#include <stubs/async_simple/async_simple/Future.h>
#include <stubs/async_simple/async_simple/Promise.h>
#include <atomic>
#include <thread>

int handshake(async_simple::Executor *pool) {
  async_simple::Promise<int> promise;
  std::atomic<bool> released{false};
  auto done = promise.getFuture().via(pool).thenTry(
      [&released](async_simple::Try<int> value) {
        while (!released.load())
          std::this_thread::yield();
        return value.value() + 1;
      });
  std::thread releaser([&promise, &released] {
    promise.setValue(1);
    released.store(true);
  });
  done.wait();
  releaser.join();
  return std::move(done).get();
}
// expect-no-findings
