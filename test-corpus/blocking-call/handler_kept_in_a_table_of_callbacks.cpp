// The twin of callable_run_by_own_helper_at_once.cpp: the coroutine puts the
// handler in a table of callbacks (an unordered_map of std::function, as an
// RPC router registers its handlers), which keeps it: registering it runs
// nothing on the loop. Whoever dispatches from the table later runs it.
// expect-no-findings
#include <fake/coro.h>
#include <functional>
#include <string>
#include <thread>
#include <unordered_map>

std::unordered_map<std::string, std::function<void()>> handlers;

fake::task<void> register_report() {
  co_await fake::yield_now();
  handlers.emplace("report", [] {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  });
}
