// The twin of futures_wait_on_each_other.cpp: warm_cache fulfils its own
// in-house promise before it awaits the other's future, so load_config's
// wait ends and it fulfils the other. No cycle.
// expect-no-findings
#include <inhouse/future.h>
#include <inhouse/task.h>

inhouse::promise<int> config_ready;
inhouse::promise<int> cache_ready;

inhouse::task<int> load_config() {
  inhouse::future<int> cache = cache_ready.get_future();
  co_await cache;
  config_ready.set_value(1);
  co_return 0;
}

inhouse::task<int> warm_cache() {
  inhouse::future<int> config = config_ready.get_future();
  cache_ready.set_value(1);
  co_await config;
  co_return 0;
}
