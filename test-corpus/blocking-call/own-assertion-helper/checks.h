// The twin of vendored-test-framework/: the same helper in the project's own
// namespace is the project's code, and its file read on the loop is reported.
#include <fstream>
#include <string>

namespace service {
inline bool debugger_attached() {
  std::ifstream in("/proc/self/status"); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
  std::string line;
  std::getline(in, line); // expect-warning: blocking-call {{call to 'std::getline' blocks the event loop}}
  return line.find("TracerPid:\t0") == std::string::npos;
}
inline void check(bool ok) {
  if (!ok && debugger_attached())
    __builtin_trap();
}
} // namespace service
