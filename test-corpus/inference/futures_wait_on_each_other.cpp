// Two coroutines each await the future of an in-house promise that only
// the other fulfils, and only after its own wait. That the future waits
// for the promise whose get_future() made it, and that set_value() is what
// fulfils it, corolint knows only from the library's code.
#include <inhouse/future.h>
#include <inhouse/task.h>

inhouse::promise<int> config_ready;
inhouse::promise<int> cache_ready;

inhouse::task<int> load_config() {
  inhouse::future<int> cache = cache_ready.get_future();
  co_await cache; // expect-path: wait-cycle {{'load_config' waits for 'cache_ready' here}}
  config_ready.set_value(1); // expect-path: wait-cycle {{only then 'config_ready' is signalled}}
  co_return 0;
}

inhouse::task<int> warm_cache() {
  inhouse::future<int> config = config_ready.get_future();
  co_await config; // expect-error: wait-cycle {{deadlock: 'cache_ready' is signalled only after 'config_ready' is signalled, and 'config_ready' is signalled only after 'cache_ready' is signalled}}
  cache_ready.set_value(1);
  co_return 0;
}
