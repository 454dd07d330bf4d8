// The twin of slot_continuation_sleeps_on_the_loop.cpp: the continuation
// chained with then_value() hands the delay to the loop's timer instead of
// sleeping on the loop thread.
// expect-no-findings
#include <chrono>
#include <inhouse/loop.h>
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

// The library's awaiter is compiled here too, as in any program that awaits
// its futures somewhere.
inhouse::task<int> audit(inhouse::slot_future<int> rate) {
  co_return co_await std::move(rate);
}

int resumed = 0;

void throttle_after_rate(inhouse::event_loop &loop,
                         inhouse::slot_future<int> rate) {
  loop.post([&loop, rate]() mutable {
    rate.then_value([&loop](int limit) {
      loop.run_after(std::chrono::milliseconds(limit), [] { ++resumed; });
    });
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::slot_promise<int> rate;
  throttle_after_rate(loop, rate.get_future());
  rate.set_value(7);
  loop.run();
}
