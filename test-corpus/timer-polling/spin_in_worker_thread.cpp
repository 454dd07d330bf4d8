// The same spin on a plain worker thread does not stall an event loop (it
// only burns a core); and a spin that awaits something in its body waits on
// that, not on the flag.
// expect-no-findings
#include <atomic>
#include <thread>

std::atomic<bool> go{false};
int work = 0;

void worker() {
  while (!go.load()) {
  }
  ++work;
}

int main() {
  std::thread t(worker);
  go.store(true);
  t.join();
}
