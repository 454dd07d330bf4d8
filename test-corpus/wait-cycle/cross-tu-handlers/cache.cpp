#include "events.h"

fake::event cache_warm;

fake::task<void> warm_cache() {
  co_await config_loaded; // expect-error: wait-cycle {{'cache_warm' is signalled only after 'config_loaded' is signalled}}
  cache_warm.set();
}
