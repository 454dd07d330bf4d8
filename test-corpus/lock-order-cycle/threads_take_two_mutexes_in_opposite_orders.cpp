// A metrics exporter and a session reaper run on threads of their own. The
// exporter holds the registry while it reads the counters; the reaper holds
// the counters while it unregisters idle sessions. Each can hold its first
// mutex and wait forever for the other's. Twin:
// one_thread_takes_two_mutexes_in_both_orders.cpp.
#include <map>
#include <mutex>
#include <string>
#include <thread>

std::mutex registry_mutex;
std::mutex counters_mutex;
std::map<std::string, int> sessions;
std::map<std::string, long> counters;

void export_metrics() {
  std::lock_guard<std::mutex> r(registry_mutex); // expect-path: lock-order-cycle {{'registry_mutex' acquired here}}
  for (const auto &[name, id] : sessions) {
    std::lock_guard<std::mutex> c(counters_mutex); // expect-path: lock-order-cycle {{'counters_mutex' acquired here while 'registry_mutex' is held}}
    counters[name] += id;
  }
}

void reap_idle() {
  std::lock_guard<std::mutex> c(counters_mutex); // expect-path: lock-order-cycle {{'counters_mutex' acquired here}}
  for (auto &[name, count] : counters)
    if (count == 0) {
      std::lock_guard<std::mutex> r(registry_mutex); // expect-warning: lock-order-cycle {{'counters_mutex' before 'registry_mutex' in 'reap_idle'; 'registry_mutex' before 'counters_mutex' in 'export_metrics'}}
      sessions.erase(name);
    }
}

int main() {
  std::thread exporter(export_metrics);
  std::thread reaper(reap_idle);
  exporter.join();
  reaper.join();
}
