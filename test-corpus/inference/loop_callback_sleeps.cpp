// A callback posted to an in-house event loop sleeps: the loop is known
// only from its code (post() keeps the callable in a queue that run() takes
// out and calls), so the callback runs on the loop's thread and the sleep
// stalls every other callback.
#include <chrono>
#include <inhouse/loop.h>
#include <thread>

void schedule_retry(inhouse::event_loop &loop) {
  loop.post([] {
    std::this_thread::sleep_for(std::chrono::seconds(1)); // expect-warning: blocking-call {{blocks the event loop}}
  });
}

int main() {
  inhouse::event_loop loop;
  schedule_retry(loop);
  loop.run();
}
