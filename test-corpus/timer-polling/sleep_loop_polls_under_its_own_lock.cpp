// A coroutine takes the registry's async mutex and, still holding it, sleeps
// in a loop until the model is loaded. The loader takes the same mutex
// before it sets the flag: it waits for the poller, which waits for it.
#include <fake/coro.h>
#include <chrono>

using namespace std::chrono_literals;

class model_registry {
public:
  fake::task<void> load() {
    co_await fake::sleep_for(80ms);
    fake::async_lock_guard lk = co_await mutex_.lock(); // expect-path: timer-polling {{'model_registry::load' waits here for 'model_registry::mutex_' before it sets the flag}}
    loaded_ = true;
  }

  fake::task<void> wait_until_loaded() {
    fake::async_lock_guard lk = co_await mutex_.lock(); // expect-path: timer-polling {{'model_registry::wait_until_loaded' takes 'model_registry::mutex_' here and holds it while it polls}}
    while (!loaded_) // expect-warning: timer-polling {{sleeps in a loop until 'model_registry::loaded_' changes while it holds 'model_registry::mutex_', and the code that sets 'model_registry::loaded_' must take 'model_registry::mutex_' first: the flag never changes, so this never ends}}
      co_await fake::sleep_for(20ms);
  }

private:
  fake::async_mutex mutex_;
  bool loaded_ = false;
};
