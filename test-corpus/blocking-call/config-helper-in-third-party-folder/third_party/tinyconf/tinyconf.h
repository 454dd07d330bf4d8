// A small configuration library copied into the project's third_party
// folder: not the project's code, and not described by any model.
#pragma once
#include <fstream>
#include <string>

namespace tinyconf {
inline std::string load(const char *path) {
  std::ifstream in(path);
  std::string text;
  std::getline(in, text);
  return text;
}
} // namespace tinyconf
