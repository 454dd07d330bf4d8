// A handler on the loop splits a request's header block into lines with
// std::getline over a std::istringstream: the stream reads the string it
// was built from, so getline never waits. Twin: header_fields_read_from_stdin.cpp.
#include <fake/coro.h>
#include <map>
#include <sstream>
#include <string>

fake::task<std::map<std::string, std::string>>
parse_headers(fake::connection &peer, std::string block) {
  co_await fake::yield_now();
  std::map<std::string, std::string> fields;
  std::istringstream lines(block);
  std::string line;
  while (std::getline(lines, line)) {
    auto colon = line.find(':');
    if (colon != std::string::npos)
      fields[line.substr(0, colon)] = line.substr(colon + 1);
  }
  co_return fields;
}

// expect-no-findings
