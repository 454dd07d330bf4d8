// The twin of callback_of_an_object_checked_on_its_own_thread.cpp: one
// health monitor, whose probe writes a report file, checked by a loop
// timer: the probe it keeps runs on the loop.
#include <cstdio>
#include <fake/coro.h>
#include <functional>

class monitor {
public:
  explicit monitor(std::function<bool()> probe) : probe_(std::move(probe)) {}
  bool check() { return probe_(); }

private:
  std::function<bool()> probe_;
};

void watch(fake::loop &loop) {
  static monitor disk([] {
    std::FILE *report = std::fopen("/var/tmp/disk-report", "w"); // expect-path: blocking-call {{'fopen' blocks here}} expect-warning: blocking-call {{call to 'fopen' blocks the event loop (opens a file)}}
    return report && std::fclose(report) == 0;
  });
  loop.add_periodic_timer(fake::milliseconds(500), [] { disk.check(); });
}
