// The twin of library-function-handed-to-the-loop/: the library's reload
// runs on a thread of its own, where its file read stalls no loop.
// expect-no-findings
#include <fake/coro.h>
#include <thread>
#include "third_party/tinyconf/tinyconf.h"

void watch_config(fake::loop &loop) {
  loop.post([] { std::thread(tinyconf::reload).detach(); });
}
