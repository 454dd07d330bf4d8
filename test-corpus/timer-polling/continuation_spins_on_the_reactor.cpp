// The twin of continuation_spins_on_a_pool_future.cpp: a seastar coroutine
// chains the spinning continuation, and seastar runs continuations on the
// reactor thread that chains them. Until the other thread sets the flag,
// nothing else on this shard runs.
#include <stubs/seastar/seastar/core/coroutine.hh>
#include <stubs/seastar/seastar/core/future.hh>
#include <stubs/seastar/seastar/util/later.hh>
#include <atomic>
#include <thread>

std::atomic<bool> released{false};

seastar::future<int> fetch_answer();

seastar::future<int> answer_when_released() {
  co_await seastar::yield();
  co_return co_await fetch_answer().then([](int value) {
    while (!released.load()) // expect-warning: timer-polling {{spins on the event loop's thread until 'released' changes; nothing else runs on the loop meanwhile; 'released' is set in}}
      std::this_thread::yield();
    return value + 1;
  });
}

void release_from_a_thread() {
  std::thread([] { released.store(true); }).detach();
}
