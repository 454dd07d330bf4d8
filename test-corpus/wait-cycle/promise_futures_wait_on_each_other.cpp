// Two threads each wait on the future of a promise that only the other
// fulfils, and only after its own wait. The futures come from get_future(), so
// waiting on one is waiting on its promise.
#include <future>
#include <thread>

std::promise<void> config_ready;
std::promise<void> cache_ready;

void load_config() {
  std::future<void> cache = cache_ready.get_future();
  cache.wait();             // expect-path: wait-cycle {{'load_config' waits for 'cache_ready' here}}
  config_ready.set_value(); // expect-path: wait-cycle {{only then 'config_ready' is signalled}}
}

void warm_cache() {
  std::future<void> config = config_ready.get_future();
  config.wait(); // expect-error: wait-cycle {{deadlock: 'cache_ready' is signalled only after 'config_ready' is signalled, and 'config_ready' is signalled only after 'cache_ready' is signalled}}
  cache_ready.set_value();
}

int main() {
  std::thread a(load_config), b(warm_cache);
  a.join();
  b.join();
}
