// A coroutine on the loop hands a job over under a mutex that a worker
// thread holds while it waits on a condition variable: the wait lets go of
// the mutex, so the loop only waits for the worker's short critical
// sections. Quiet.
// expect-no-findings
#include <condition_variable>
#include <fake/coro.h>
#include <mutex>
#include <thread>

std::mutex jobs_mutex;
std::condition_variable jobs_ready;
int pending = 0;

fake::task<void> submit_job() {
  jobs_mutex.lock();
  ++pending;
  jobs_mutex.unlock();
  jobs_ready.notify_one();
  co_return;
}

void work() {
  for (;;) {
    std::unique_lock<std::mutex> hold(jobs_mutex);
    jobs_ready.wait(hold, [] { return pending > 0; });
    --pending;
  }
}

void start_worker() { std::thread(work).detach(); }
