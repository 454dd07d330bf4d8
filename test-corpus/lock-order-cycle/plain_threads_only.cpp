// The same inversion between two plain thread functions, with no loop code
// involved: outside this rule's scope (ThreadSanitizer reports lock-order
// inversions between threads); documented under Limits.
// expect-no-findings
#include <mutex>
#include <thread>

std::mutex registry_mutex;
std::mutex stats_mutex;
int sessions = 0;

void open_session() {
  std::lock_guard<std::mutex> r(registry_mutex);
  std::lock_guard<std::mutex> s(stats_mutex);
  ++sessions;
}

void close_session() {
  std::lock_guard<std::mutex> s(stats_mutex);
  std::lock_guard<std::mutex> r(registry_mutex);
  --sessions;
}

int main() {
  std::thread a(open_session), b(close_session);
  a.join();
  b.join();
}
