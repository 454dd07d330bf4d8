// A warm-up loop waits for a flag that the code only ever clears: the
// loader was changed to signal an event instead, and the flag's last writer
// is the reset. Writing false does not end `while (!warm_)`.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

class cache {
public:
  fake::task<void> serve() {
    while (!warm_) // expect-warning: timer-polling {{sleeps in a loop until 'cache::warm_' changes, and nothing in the analyzed program sets 'cache::warm_': this never ends}}
      co_await fake::sleep_for(10ms);
  }

  fake::task<void> load() {
    co_await fake::sleep_for(100ms);
    loaded_.set();
  }

  void reset() { warm_ = false; }

private:
  bool warm_ = false;
  fake::event loaded_;
};
