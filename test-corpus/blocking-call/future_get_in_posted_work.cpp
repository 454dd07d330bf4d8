// Waiting for a future inside work posted to the loop blocks the loop.
#include <fake/coro.h>
#include <future>

void submit(fake::loop &loop, std::future<int> &result) {
  loop.post([&result] {
    int v = result.get(); // expect-warning: blocking-call {{'std::future::get' blocks the event loop (waits for a future)}}
    (void)v;
  });
}
