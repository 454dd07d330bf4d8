// A unique_lock constructed with std::try_to_lock never waits for its mutex.
// expect-no-findings
#include <fake/coro.h>
#include <mutex>

std::mutex registry_mutex;
std::mutex stats_mutex;
int sessions = 0;

fake::task<void> open_session() {
  std::lock_guard<std::mutex> r(registry_mutex);
  std::lock_guard<std::mutex> s(stats_mutex);
  ++sessions;
  co_return;
}

fake::task<void> close_session() {
  std::lock_guard<std::mutex> s(stats_mutex);
  std::unique_lock<std::mutex> r(registry_mutex, std::try_to_lock);
  if (r.owns_lock())
    --sessions;
  co_return;
}
