// A timer callback of an in-house loop (run_after keeps the callable with
// its deadline, and run() calls it) reads a file on the loop's thread.
#include <chrono>
#include <fstream>
#include <inhouse/loop.h>
#include <string>

void reload_later(inhouse::event_loop &loop, std::string &config) {
  loop.run_after(std::chrono::milliseconds(500), [&config] {
    std::ifstream in("/etc/app.conf"); // expect-warning: blocking-call {{blocks the event loop}}
    std::getline(in, config); // expect-warning: blocking-call {{reads a line from a stream}}
  });
}

int main() {
  inhouse::event_loop loop;
  std::string config;
  reload_later(loop, config);
  loop.run();
}
