// The twin of vendored-test-framework/: the same helper in the project's own
// namespace is the project's code, and its file read on the loop is reported.
#include <fstream>
#include <string>

namespace service {
inline bool debugger_attached() {
  std::ifstream in("/proc/self/status"); // expect-path: blocking-call {{'std::basic_ifstream::basic_ifstream' blocks here}}
  std::string line;
  std::getline(in, line); // expect-path: blocking-call {{'std::getline' also blocks here}}
  return line.find("TracerPid:\t0") == std::string::npos;
}
inline void check(bool ok) {
  if (!ok && debugger_attached())
    __builtin_trap();
}
} // namespace service
