// expect-no-findings
//
// Looks like task_in_field_awaits_its_awaiter, but a request sets 'warmed_'
// before it awaits the load, so the loader can finish.
#include <fake/coro.h>

class Cache {
public:
  Cache() : loaded_(load()) {}

  fake::task<int> get() {
    warmed_.set();
    co_await loaded_;
    co_return 1;
  }

private:
  fake::task<void> load() { co_await warmed_; }

  fake::task<void> loaded_;
  fake::event warmed_;
};
