// The twin of latch_arrived_at_and_waited.cpp: the worker only waits, and
// nothing counts the latch down.
#include <stubs/async_simple/async_simple/coro/Latch.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>

using async_simple::coro::Latch;
using async_simple::coro::Lazy;

Lazy<void> shard_worker(Latch &all_ready) {
  co_await all_ready.wait(); // expect-warning: never-signaled {{'run_single_shard::all_ready' (event) is awaited, but nothing in the program signals it}}
}

Lazy<void> run_single_shard() {
  Latch all_ready(1);
  co_await shard_worker(all_ready);
}
