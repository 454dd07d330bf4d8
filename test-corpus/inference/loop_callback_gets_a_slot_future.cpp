// A callback posted to an in-house event loop blocks on an async_simple-style
// future's get(), which waits on a condition variable unless the value is
// already there: on the loop thread, for a value a coroutine provides.
#include <inhouse/loop.h>
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::task<int> audit(inhouse::slot_future<int> rate) {
  co_return co_await std::move(rate);
}

void show_rate(inhouse::event_loop &loop, inhouse::slot_future<int> rate) {
  loop.post([rate]() mutable {
    int shown = rate.get(); // expect-error: blocking-call {{waits for a future to be fulfilled}}
    (void)shown;
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::slot_promise<int> rate;
  show_rate(loop, rate.get_future());
  rate.set_value(7);
  loop.run();
}
