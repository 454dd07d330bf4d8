// std::unique_lock over an async mutex (as folly::coro::Mutex::co_scoped_lock
// returns it) is an async lock: holding it across a suspension is its purpose.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

fake::async_mutex table_mutex;
fake::event ready;

fake::task<void> update() {
  co_await table_mutex.lock();
  std::unique_lock<fake::async_mutex> lk(table_mutex, std::adopt_lock);
  co_await ready;
}
