// The twin of callback_run_by_own_helper_through_std_function.cpp: the
// helper keeps the visitor, which a worker thread runs later; the loop only
// registers it.
// expect-no-findings
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

std::function<void(const char *)> pending_visit;

void visit_later(const std::function<void(const char *)> &visit) {
  pending_visit = visit;
}

void rescan_every_second(fake::loop &loop) {
  loop.add_periodic_timer(fake::milliseconds(1000), [] {
    visit_later([](const char *entry) {
      (void)entry;
      sleep(1);
    });
  });
}
