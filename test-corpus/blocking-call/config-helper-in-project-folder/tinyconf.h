// The twin of config-helper-in-third-party-folder/: the same helper, as
// the project's own header, is the project's code, and its file read on
// the loop is reported at the call the loop code makes, with the helper's
// lines as notes, as for the library.
#pragma once
#include <fstream>
#include <string>

namespace tinyconf {
inline std::string load(const char *path) {
  std::ifstream in(path); // expect-path: blocking-call {{'std::basic_ifstream::basic_ifstream' blocks here}}
  std::string text;
  std::getline(in, text); // expect-path: blocking-call {{'std::getline' also blocks here}}
  return text;
}
} // namespace tinyconf
