// A coroutine reloads its settings on the loop through the project's own
// helper, tinyconf.h.
#include <fake/coro.h>
#include "tinyconf.h"

fake::event changed;

fake::task<void> reload_on_change() {
  co_await changed;
  auto text = tinyconf::load("/etc/service.conf"); // expect-warning: blocking-call {{call to 'tinyconf::load' reaches 'std::basic_ifstream::basic_ifstream', which blocks the event loop (opens a file)}}
  (void)text;
}
