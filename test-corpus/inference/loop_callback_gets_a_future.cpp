// A callback posted to an in-house event loop blocks on the in-house
// future's get() for a value that a coroutine fulfils: get() waits on a
// condition variable on every path, and the future is known as one from the
// library's code.
#include <inhouse/future.h>
#include <inhouse/loop.h>
#include <inhouse/task.h>

inhouse::task<int> audit(inhouse::future<int> balance) {
  co_return co_await balance;
}

void show_balance(inhouse::event_loop &loop, inhouse::future<int> balance) {
  loop.post([balance]() mutable {
    int shown = balance.get(); // expect-error: blocking-call {{waits for a future to be fulfilled}}
    (void)shown;
  });
}

int main() {
  inhouse::event_loop loop;
  inhouse::promise<int> balance;
  show_balance(loop, balance.get_future());
  balance.set_value(7);
  loop.run();
}
