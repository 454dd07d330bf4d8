// The pool of waiter_parked_in_a_pool_queue.cpp, fixed as yalantinglibs'
// a8ead76 fixed its client pool: the wait for the parked promise is raced
// against a timer, so a waiter that no release takes out gives up after a
// second instead of hanging the request.
#include <chrono>
#include <deque>
#include <memory>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/Collect.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <stubs/async_simple/async_simple/coro/Sleep.h>
#include <vector>

struct connection {
  bool open = true;
};

class connection_pool {
public:
  using waiter_t = async_simple::Promise<std::unique_ptr<connection>>;

  async_simple::coro::Lazy<std::unique_ptr<connection>> acquire() {
    if (!idle_.empty()) {
      std::unique_ptr<connection> c = std::move(idle_.back());
      idle_.pop_back();
      co_return c;
    }
    waiter_t waiter;
    waiters_.push_back(&waiter);
    auto first = co_await async_simple::coro::collectAny(
        wait_for(waiter.getFuture()),
        async_simple::coro::sleep(std::chrono::seconds(1)));
    if (first.index() != 0)
      co_return nullptr;
    co_return std::move(std::get<0>(first)).value();
  }

  void release(std::unique_ptr<connection> c) {
    if (!c->open)
      return;
    if (!waiters_.empty()) {
      waiter_t *next = waiters_.front();
      waiters_.pop_front();
      next->setValue(std::move(c));
      return;
    }
    idle_.push_back(std::move(c));
  }

private:
  static async_simple::coro::Lazy<std::unique_ptr<connection>>
  wait_for(async_simple::Future<std::unique_ptr<connection>> reply) {
    co_return co_await std::move(reply);
  }

  std::deque<waiter_t *> waiters_;
  std::vector<std::unique_ptr<connection>> idle_;
};

async_simple::coro::Lazy<int> query(connection_pool &pool) {
  std::unique_ptr<connection> c = co_await pool.acquire();
  pool.release(std::move(c));
  co_return 0;
}
// expect-no-findings
