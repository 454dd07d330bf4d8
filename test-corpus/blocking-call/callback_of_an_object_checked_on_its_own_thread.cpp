// Two health monitors of one class, each keeping its probe in a
// std::function member: the loop's monitor runs a cheap in-memory probe on
// a timer; the disk monitor's probe writes a report file and is only ever
// run by the disk monitor's own thread. The member is one field for both
// objects, so which probe a check runs is not known from the field: the
// loop is not charged with the disk probe's file write. The twin,
// callback_of_the_only_object_checked_on_the_loop.cpp, has one monitor.
// expect-no-findings
#include <cstdio>
#include <fake/coro.h>
#include <functional>
#include <thread>

class monitor {
public:
  explicit monitor(std::function<bool()> probe) : probe_(std::move(probe)) {}
  bool check() { return probe_(); }

private:
  std::function<bool()> probe_;
};

int pending_requests = 0;

void watch(fake::loop &loop) {
  static monitor requests([] { return pending_requests < 1000; });
  static monitor disk([] {
    std::FILE *report = std::fopen("/var/tmp/disk-report", "w");
    return report && std::fclose(report) == 0;
  });
  loop.add_periodic_timer(fake::milliseconds(500), [] { requests.check(); });
  std::thread([] { disk.check(); }).detach();
}
