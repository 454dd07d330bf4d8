// A test framework's single header, copied into the project the way doctest
// is: its namespace is doctest's, which rules/models/doctest.json
// names as library code. When an assertion fails it checks for a debugger by
// reading /proc, a file read that is the framework's business, not the
// project's.
#include <fstream>
#include <string>

namespace doctest {
namespace detail {
inline bool isDebuggerActive() {
  std::ifstream in("/proc/self/status");
  std::string line;
  std::getline(in, line);
  return line.find("TracerPid:\t0") == std::string::npos;
}
inline void check(bool ok) {
  if (!ok && isDebuggerActive())
    __builtin_trap();
}
} // namespace detail
} // namespace doctest
// expect-no-findings
