// The twin of header_fields_split_in_memory.cpp that reads the header block
// from standard input, a pipe or a terminal: each getline waits for a line
// on the loop's thread.
#include <fake/coro.h>
#include <iostream>
#include <map>
#include <string>

fake::task<std::map<std::string, std::string>>
parse_headers(fake::connection &peer) {
  co_await fake::yield_now();
  std::map<std::string, std::string> fields;
  std::string line;
  while (std::getline(std::cin, line)) { // expect-warning: blocking-call {{call to 'std::getline' blocks the event loop (reads a line from a stream)}}
    auto colon = line.find(':');
    if (colon != std::string::npos)
      fields[line.substr(0, colon)] = line.substr(colon + 1);
  }
  co_return fields;
}
