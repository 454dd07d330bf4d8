// The same two critical sections in opposite orders, but one housekeeping
// thread runs both, one after the other: no other thread takes either
// mutex, so nothing can hold the second while this one waits for it.
// Twin: threads_take_two_mutexes_in_opposite_orders.cpp.
// expect-no-findings
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::mutex registry_mutex;
std::mutex counters_mutex;
std::map<std::string, int> sessions;
std::map<std::string, long> counters;

void export_metrics() {
  std::lock_guard<std::mutex> r(registry_mutex);
  for (const auto &[name, id] : sessions) {
    std::lock_guard<std::mutex> c(counters_mutex);
    counters[name] += id;
  }
}

void reap_idle() {
  std::lock_guard<std::mutex> c(counters_mutex);
  for (auto &[name, count] : counters)
    if (count == 0) {
      std::lock_guard<std::mutex> r(registry_mutex);
      sessions.erase(name);
    }
}

int main() {
  std::thread housekeeping([] {
    export_metrics();
    reap_idle();
  });
  housekeeping.join();
}
