// The twin of loop_callback_gets_a_slot_future.cpp: the callback chains a
// continuation with then() instead of blocking on get(); the continuation
// runs once the promise is fulfilled.
// expect-no-findings
#include <inhouse/loop.h>
#include <inhouse/slot_future.h>
#include <inhouse/task.h>

inhouse::task<int> audit(inhouse::slot_future<int> rate) {
  co_return co_await std::move(rate);
}

void show_rate(inhouse::event_loop &loop, inhouse::slot_future<int> rate) {
  loop.post([rate]() mutable {
    rate.then([](int shown) { (void)shown; });
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::slot_promise<int> rate;
  show_rate(loop, rate.get_future());
  rate.set_value(7);
  loop.run();
}
