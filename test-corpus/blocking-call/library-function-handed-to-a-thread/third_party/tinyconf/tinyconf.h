// A small configuration library copied into the project's third_party
// folder: not the project's code, and not described by any model.
#pragma once
#include <fstream>
#include <string>

namespace tinyconf {
inline std::string current;

inline void reload() {
  std::ifstream in("/etc/service.conf");
  std::getline(in, current);
}
} // namespace tinyconf
