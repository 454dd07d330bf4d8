// A worker thread holds the jobs mutex while it waits for work, but the
// wait is a helper's `cv.wait(lock)` on the guard it is handed, which lets
// go of the mutex: the loop's lock only waits for the short sections around
// it. Quiet. (The wait made in place: mutex_held_by_a_worker_waiting_on_its_
// condition.cpp; a holder that sleeps: manual_mutex_lock_while_a_flusher_
// sleeps_holding_it.cpp.)
// expect-no-findings
#include <condition_variable>
#include <fake/coro.h>
#include <mutex>
#include <thread>

std::mutex queue_mutex;
std::condition_variable queue_ready;
int queued = 0;

fake::task<void> enqueue() {
  queue_mutex.lock();
  ++queued;
  queue_mutex.unlock();
  queue_ready.notify_one();
  co_return;
}

void wait_for_work(std::unique_lock<std::mutex> &held) {
  queue_ready.wait(held, [] { return queued > 0; });
}

void drain() {
  for (;;) {
    std::unique_lock<std::mutex> held(queue_mutex);
    wait_for_work(held);
    --queued;
  }
}

void start_drainer() { std::thread(drain).detach(); }
