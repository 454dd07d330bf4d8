// The project's directory walker takes its visitor as a std::function and
// calls it for each entry, at once: the visitor a timer callback passes runs
// on the loop, inside the walk. The twin,
// callback_kept_by_own_helper_in_std_function.cpp, keeps the visitor for a
// worker thread instead.
#include <fake/coro.h>
#include <functional>
#include <unistd.h>

void for_each_entry(const char *dir,
                    const std::function<void(const char *)> &visit) {
  visit(dir);
}

void rescan_every_second(fake::loop &loop) {
  loop.add_periodic_timer(fake::milliseconds(1000), [] {
    for_each_entry("/var/spool", [](const char *entry) {
      (void)entry;
      sleep(1); // expect-path: blocking-call {{'sleep' blocks here}} expect-warning: blocking-call {{call to 'sleep' blocks the event loop (sleeps)}}
    });
  });
}
