// expect-no-findings
//
// Uses every function named in rules/models/concurrencpp.json. concurrencpp
// is not packaged in Debian, so this file includes the stub header of
// test-corpus/include/stubs/concurrencpp, written from the real headers at the
// commit the model's checkedAgainst names; a model name that stops matching
// them fails the model name check.

#include <stubs/concurrencpp/concurrencpp/concurrencpp.h>

namespace concurrencpp_api {

int events = 0;

void offloads(concurrencpp::thread_pool_executor &pool,
              concurrencpp::executor &any) {
  pool.post([] { ++events; });
  concurrencpp::result<int> one = pool.submit([] { return 1; });
  (void)one;
  any.post([] { ++events; });
  concurrencpp::result<int> two = any.submit([] { return 2; });
  (void)two;
}

// A coroutine moved to the pool (any coroutine type will do).
struct detached {
  struct promise_type {
    detached get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

detached move_to(concurrencpp::thread_pool_executor &pool) {
  co_await concurrencpp::resume_on(pool);
  ++events;
}

// A coroutine mutex and a condition variable over it, and a delay.
detached guarded(std::shared_ptr<concurrencpp::thread_pool_executor> pool,
        concurrencpp::async_lock &lock, concurrencpp::async_condition_variable &cv,
        concurrencpp::timer_queue &timers) {
  {
    concurrencpp::scoped_async_lock guard = co_await lock.lock(pool);
    co_await cv.await(pool, guard, [] { return events > 0; });
    co_await cv.await(pool, guard);
    guard.unlock();
    co_await guard.lock(pool);
    guard.unlock();
    if (co_await guard.try_lock())
      guard.unlock();
  }
  if (co_await lock.try_lock())
    lock.unlock();
  cv.notify_one();
  cv.notify_all();
  co_await timers.make_delay_object(std::chrono::milliseconds(5), pool);
}
} // namespace concurrencpp_api
