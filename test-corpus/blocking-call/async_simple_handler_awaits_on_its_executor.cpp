// The fix of async_simple_handler_sync_awaits_on_its_executor.cpp: the
// helper is a coroutine the handler awaits, so the executor's thread is
// free to run the lookup. Only the caller outside the executor sync-waits.
// expect-no-findings
#include <stubs/async_simple/async_simple/Executor.h>
#include <stubs/async_simple/async_simple/coro/Lazy.h>
#include <stubs/async_simple/async_simple/coro/SyncAwait.h>

#include <string>

using async_simple::coro::Lazy;

Lazy<std::string> lookup_name(int user);

Lazy<std::string> display_name(int user) {
  co_return co_await lookup_name(user);
}

Lazy<std::string> handle(int user) {
  std::string name = co_await display_name(user);
  co_return "hello, " + name;
}

std::string serve(async_simple::Executor &ex, int user) {
  return async_simple::coro::syncAwait(handle(user).via(&ex));
}
