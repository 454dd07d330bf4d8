// A session awaits the reader's coroutine, which a header defines: it runs
// on the loop, and its blocking recv stalls the loop. The twin,
// header-coroutine-nothing-uses/, includes the same header and never calls
// the coroutine: inline code no one runs hangs nothing.
#include "line_reader.h"

fake::task<void> session(line_reader &reader) {
  std::string greeting = co_await reader.read_line();
}
