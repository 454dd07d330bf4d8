// An async_simple latch that every worker arrives at and waits on: each
// arrive_and_wait() counts down, so the last arrival opens it. Taken for a
// wait alone, it would be a latch that nothing counts down. The twin of
// latch_waited_but_never_counted.cpp.
#include <stubs/async_simple/async_simple/coro/Latch.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>

using async_simple::coro::Latch;
using async_simple::coro::Lazy;

Lazy<void> shard_worker(Latch &all_ready) {
  co_await all_ready.arrive_and_wait();
}

Lazy<void> run_single_shard() {
  Latch all_ready(1);
  co_await shard_worker(all_ready);
}
// expect-no-findings
