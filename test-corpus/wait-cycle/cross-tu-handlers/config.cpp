// The cycle only appears once both translation units are linked.
#include "events.h"

fake::event config_loaded;

fake::task<void> load_config() {
  co_await cache_warm; // expect-path: wait-cycle {{'load_config' waits for 'cache_warm' here}}
  config_loaded.set();
}
