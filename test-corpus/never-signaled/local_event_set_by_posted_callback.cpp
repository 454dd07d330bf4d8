// The local event is set by a callback the coroutine posts to the loop.
// expect-no-findings
#include <fake/coro.h>

fake::task<void> tick_once(fake::loop &loop) {
  fake::event ticked;
  loop.post([&ticked] { ticked.set(); });
  co_await ticked;
}
