// The twin of loop_callback_sleeps.cpp: the job goes to an in-house worker
// pool instead, whose own thread (started by its constructor) takes it out
// of the queue and runs it. Sleeping there stalls no loop.
// expect-no-findings
#include <chrono>
#include <inhouse/loop.h>
#include <thread>

void schedule_retry(inhouse::worker_pool &pool) {
  pool.submit([] { std::this_thread::sleep_for(std::chrono::seconds(1)); });
}

int main() {
  inhouse::worker_pool pool;
  schedule_retry(pool);
}
