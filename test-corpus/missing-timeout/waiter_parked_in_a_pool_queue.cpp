// A connection pool with no idle connection parks the caller's promise in
// its queue of waiters and awaits the promise's future. Only `release`, when
// another caller hands a connection back, takes a waiter out and fulfils it,
// and it drops a closed connection without waking anyone: the waiter stays
// parked and the request hangs (yalantinglibs' client pool before a8ead76).
// The twin, waiter_parked_in_a_pool_queue_with_a_deadline.cpp, races the
// wait against a timer.
#include <deque>
#include <memory>
#include <stubs/async_simple/async_simple/Promise.h>
#include <stubs/async_simple/async_simple/coro/FutureAwaiter.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
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
    co_return co_await waiter.getFuture(); // expect-warning: missing-timeout {{the future of 'waiter' is awaited with no deadline, while 'waiter' is parked in 'connection_pool::waiters_'}}
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
  std::deque<waiter_t *> waiters_;
  std::vector<std::unique_ptr<connection>> idle_;
};

async_simple::coro::Lazy<int> query(connection_pool &pool) {
  std::unique_ptr<connection> c = co_await pool.acquire();
  pool.release(std::move(c));
  co_return 0;
}
