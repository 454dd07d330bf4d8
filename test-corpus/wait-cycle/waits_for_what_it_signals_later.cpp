// A coroutine awaits the event that only it sets, later: a cycle of one.
#include <fake/coro.h>

fake::event loaded;

fake::task<void> loader() {
  co_await loaded; // expect-error: wait-cycle {{'loaded' is signalled only after a wait for itself}}
  loaded.set();
}
