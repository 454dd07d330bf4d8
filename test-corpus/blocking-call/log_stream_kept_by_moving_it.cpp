// A timer callback keeps the current log stream in a list by moving it:
// `emplace_back(std::move(current))` constructs the element by moving, which
// opens no file, unlike the element's other constructors. The twin,
// file_read_in_timer_callback.cpp, opens a file in its callback.
#include <fake/coro.h>
#include <fstream>
#include <vector>

struct log_files {
  std::ofstream current;
  std::vector<std::ofstream> rotated;
};

void rotate_every_hour(fake::loop &loop, log_files &logs) {
  loop.add_periodic_timer(fake::milliseconds(3600000), [&logs] {
    logs.rotated.emplace_back(std::move(logs.current));
  });
}
// expect-no-findings
