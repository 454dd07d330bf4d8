// Yielding until an atomic flag flips: on a loop that resumes the yielder at
// once, this is a busy loop; a worker thread sets the flag with store().
#include <fake/coro.h>
#include <atomic>
#include <thread>

std::atomic<bool> index_built{false};

fake::task<void> serve_queries() {
  while (!index_built.load()) // expect-warning: timer-polling {{yields in a loop until 'index_built' changes; on an executor that resumes the yielder at once this spins at full CPU; 'index_built' is set in 'build_index'}}
    co_await fake::yield_now();
}

void build_index() { index_built.store(true); }

void start_indexer() { std::thread(build_index).detach(); }
