// std::scoped_lock takes all its mutexes with a deadlock-avoiding algorithm,
// so listing them in different orders is not an inconsistent order.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex registry_mutex;
std::mutex stats_mutex;
int sessions = 0;

fake::task<void> open_session() {
  std::scoped_lock both(registry_mutex, stats_mutex);
  ++sessions;
  co_return;
}

fake::task<void> close_session() {
  std::scoped_lock both(stats_mutex, registry_mutex);
  --sessions;
  co_return;
}
