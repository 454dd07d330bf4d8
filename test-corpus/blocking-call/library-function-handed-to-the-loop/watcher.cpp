// The project hands a function of a library copied into third_party/ to a
// periodic timer: the library's function is the loop code, and its file
// read is on the loop. Its lines are not the project's to change, so the
// finding goes to the project's line that hands it over, saying where it
// was. The twin, library-function-handed-to-a-thread/, runs it on a thread.
#include <fake/coro.h>
#include "third_party/tinyconf/tinyconf.h"

void watch_config(fake::loop &loop) {
  loop.add_periodic_timer(fake::milliseconds(1000), tinyconf::reload); // expect-warning: blocking-call {{in 'tinyconf::reload', which this reaches: call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}} expect-warning: blocking-call {{in 'tinyconf::reload', which this reaches: call to 'std::getline' blocks the event loop}}
}
