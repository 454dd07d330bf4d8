// The twin of loop_callback_gets_a_future.cpp: the callback chains a
// continuation on the in-house future with then() instead of blocking on
// get(); the continuation runs once the promise is fulfilled.
// expect-no-findings
#include <inhouse/future.h>
#include <inhouse/loop.h>
#include <inhouse/task.h>

inhouse::task<int> audit(inhouse::future<int> balance) {
  co_return co_await balance;
}

void show_balance(inhouse::event_loop &loop, inhouse::future<int> balance) {
  loop.post([balance]() mutable {
    balance.then([](int shown) { (void)shown; });
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::promise<int> balance;
  show_balance(loop, balance.get_future());
  balance.set_value(7);
  loop.run();
}
