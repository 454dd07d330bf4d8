// The twin of config-helper-in-third-party-folder/: the same helper, as
// the project's own header, is the project's code, and its file read on
// the loop is reported where it is.
#pragma once
#include <fstream>
#include <string>

namespace tinyconf {
inline std::string load(const char *path) {
  std::ifstream in(path); // expect-warning: blocking-call {{call to 'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
  std::string text;
  std::getline(in, text); // expect-warning: blocking-call {{call to 'std::getline' blocks the event loop}}
  return text;
}
} // namespace tinyconf
