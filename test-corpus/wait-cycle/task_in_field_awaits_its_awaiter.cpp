// A task started in the constructor and kept in a field, the usual home of a
// shared task, awaited by every request. The loader waits for 'warmed_',
// which a request sets only after the load finished: neither ever finishes.
#include <fake/coro.h>

class Cache {
public:
  Cache() : loaded_(load()) {}

  fake::task<int> get() {
    co_await loaded_; // expect-error: wait-cycle {{deadlock: 'Cache::warmed_' is signalled only after coroutine 'Cache::load' finishes, and coroutine 'Cache::load' finishes only after 'Cache::warmed_' is signalled}}
    warmed_.set();    // expect-path: wait-cycle {{only then 'Cache::warmed_' is signalled}}
    co_return 1;
  }

  void reload() { loaded_ = load(); }

private:
  fake::task<void> load() {
    co_await warmed_; // expect-path: wait-cycle {{'Cache::load' waits for 'Cache::warmed_' here}}
  }

  fake::task<void> loaded_;
  fake::event warmed_;
};
