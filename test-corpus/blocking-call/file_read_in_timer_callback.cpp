// A timer callback runs on the loop; opening a file there blocks it.
#include <fake/coro.h>
#include <fstream>
#include <string>

std::string config;

void schedule_reload(fake::loop &loop) {
  loop.add_timer(fake::milliseconds(5000), [] { // expect-path: blocking-call {{is handed to the event loop here (loop callback)}}
    std::ifstream in("/etc/app.conf"); // expect-warning: blocking-call {{'std::basic_ifstream::basic_ifstream' blocks the event loop (opens a file)}}
    std::getline(in, config);          // expect-warning: blocking-call {{'std::getline'}}
  });
}
