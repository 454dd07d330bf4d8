// The same threads, but 'warm_cache' fulfils its promise before it waits:
// the chain always starts.
// expect-no-findings
#include <future>
#include <thread>

std::promise<void> config_ready;
std::promise<void> cache_ready;

void load_config() {
  std::future<void> cache = cache_ready.get_future();
  cache.wait();
  config_ready.set_value();
}

void warm_cache() {
  std::future<void> config = config_ready.get_future();
  cache_ready.set_value();
  config.wait();
}

int main() {
  std::thread a(load_config), b(warm_cache);
  a.join();
  b.join();
}
