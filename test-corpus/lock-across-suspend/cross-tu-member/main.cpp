// Awaits Stats::record from another translation unit. The caller holds no
// lock itself; the finding is in stats.cpp.
// expect-no-findings
#include "stats.h"

fake::task<void> producer(Stats &stats) {
  co_await stats.record(1);
  co_await stats.record(2);
}

int main() {
  fake::loop loop;
  Stats stats;
  loop.spawn(producer(stats));
  loop.post([&stats] { stats.flush(); });
  loop.run();
  return stats.total();
}
