// A request handler started on an executor (`handle(id).via(&ex)`) calls a
// plain helper that sync-waits a lookup; the lookup dispatches itself to the
// same executor, whose thread the sync-wait is blocking: it never runs. (A
// warning: which executor the lookup needs is not compared with the one
// `via` hands the handler to.)
#include <stubs/async_simple/async_simple/Executor.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <stubs/async_simple/async_simple/coro/SyncAwait.h>

#include <string>

using async_simple::coro::Lazy;

Lazy<std::string> lookup_name(int user);

std::string display_name(int user) {
  return async_simple::coro::syncAwait(lookup_name(user)); // expect-path: blocking-call {{'async_simple::coro::syncAwait' blocks here}} expect-warning: blocking-call {{call to 'async_simple::coro::syncAwait' in a coroutine waits for work that may need the thread it runs on (waits for a coroutine to finish)}}
}

Lazy<std::string> handle(int user) {
  std::string name = display_name(user);
  co_return "hello, " + name;
}

std::string serve(async_simple::Executor &ex, int user) {
  return async_simple::coro::syncAwait(handle(user).via(&ex)); // expect-path: blocking-call {{'handle' is handed to the event loop here (spawned)}}
}
