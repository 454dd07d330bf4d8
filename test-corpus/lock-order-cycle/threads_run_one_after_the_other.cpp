// The exporter and the reaper of threads_take_two_mutexes_in_opposite_orders.cpp,
// but a nightly job runs them one after the other: it waits for the
// exporter's task to finish before it starts the reaper's, so no thread
// can hold one mutex while another holds the second.
// expect-no-findings
#include <future>
#include <map>
#include <mutex>
#include <string>

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
  std::async(std::launch::async, export_metrics).get();
  auto reaped = std::async(std::launch::async, reap_idle);
  reaped.wait();
}
