// The twin of latch_skipped_by_a_cached_key.cpp: a cached key counts the
// latch down too, before it returns, so every task counts it once.
// expect-no-findings
#include <stubs/libcoro/coro/latch.hpp>
#include <stubs/libcoro/coro/task.hpp>
#include <stubs/libcoro/coro/thread_pool.hpp>
#include <map>
#include <string>
#include <vector>

std::map<std::string, std::string> cache;

std::string load_from_disk(const std::string &key) { return "value of " + key; }

coro::task<void> warm_one(coro::thread_pool &pool, std::string key,
                          coro::latch &remaining) {
  co_await pool.schedule();
  if (cache.count(key)) {
    remaining.count_down();
    co_return; // already warm
  }
  cache[key] = load_from_disk(key);
  remaining.count_down();
}

coro::task<void> warm(coro::thread_pool &pool,
                      const std::vector<std::string> &keys) {
  coro::latch remaining(keys.size());
  for (const std::string &key : keys)
    pool.spawn_detached(warm_one(pool, key, remaining));
  co_await remaining;
}
