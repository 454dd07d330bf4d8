// A callback posted to an in-house event loop chains a continuation on an
// async_simple-style future with then_value(), which wraps the callable in
// a lambda of its own before the state keeps it. The future is fulfilled
// already, so the continuation runs at once, on the loop thread, and it
// sleeps there. corolint follows the callable into the wrapper: the
// continuation is the user's lambda, chained by then_value() itself.
#include <chrono>
#include <inhouse/loop.h>
#include <inhouse/slot_future.h>
#include <inhouse/task.h>
#include <thread>

// The library's awaiter is compiled here too, as in any program that awaits
// its futures somewhere.
inhouse::task<int> audit(inhouse::slot_future<int> rate) {
  co_return co_await std::move(rate);
}

void throttle_after_rate(inhouse::event_loop &loop,
                         inhouse::slot_future<int> rate) {
  loop.post([rate]() mutable {
    auto throttle = [](int limit) {
      std::this_thread::sleep_for(std::chrono::milliseconds(limit));
    };
    rate.then_value(throttle); // expect-warning: blocking-call {{continuation '(lambda at slot_continuation_sleeps_on_the_loop.cpp:22:21)', chained here, reaches 'std::this_thread::sleep_for'}}
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::slot_promise<int> rate;
  throttle_after_rate(loop, rate.get_future());
  rate.set_value(7);
  loop.run();
}
