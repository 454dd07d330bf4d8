// A library's own tests, written inside the library's namespace, as
// async_simple's are (`namespace async_simple::coro`): no header declares
// the test fixture, so it is the project's code, and its sleep on the loop
// is reported. The framework function this file defines but its header
// publishes stays library code, and so do the lambdas written in it: calls
// end there, their bodies are not reported.
#include <chrono>
#include <fstream>
#include <thread>
#include <fake/coro.h>
#include "reporter.h"

namespace doctest {

void flush_report() {
  std::ofstream out("report.xml", std::ios::app);
  out << "<done/>";
}

void flush_report_later(fake::loop &loop) {
  loop.spawn([]() -> fake::task<void> {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    co_return;
  }());
}

namespace selftest {

void slow_fixture() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // expect-path: blocking-call {{'std::this_thread::sleep_for' blocks here}} expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
}

void schedule(fake::loop &loop) {
  loop.add_timer(fake::milliseconds(10), [] { slow_fixture(); });
  loop.post([] { flush_report(); });
}

} // namespace selftest
} // namespace doctest
