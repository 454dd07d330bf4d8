// A coroutine reloads its settings on the loop through a library copied
// into third_party/. The file read inside the library is not the project's
// line to change: the finding is at the project's call that reaches it,
// once, with the library's lines as notes. The twin,
// config-helper-in-project-folder/, has the same helper as its own code.
#include <fake/coro.h>
#include "third_party/tinyconf/tinyconf.h"

fake::event changed;

fake::task<void> reload_on_change() {
  co_await changed;
  auto text = tinyconf::load("/etc/service.conf"); // expect-warning: blocking-call {{call to 'tinyconf::load' reaches 'std::basic_ifstream::basic_ifstream', which blocks the event loop (opens a file)}}
  (void)text;
}
