// A session awaits the reader's line, a template a header defines, which
// awaits the reader's private coroutine: it runs on the loop, and its
// blocking recv stalls the loop. The twin, header-coroutine-nothing-uses/,
// includes the same header and never reads a line.
#include "line_reader.h"
#include <array>

fake::task<void> session(line_reader &reader) {
  std::array<char, 128> buffer;
  std::string greeting = co_await reader.read_line(buffer);
}
