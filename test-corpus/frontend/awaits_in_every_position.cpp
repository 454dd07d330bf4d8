// A co_await is a suspension wherever it stands: statement, initializer,
// condition, range-for initializer. Each awaited coroutine call is an edge.
#include <fake/coro.h>
#include <vector>

fake::task<int> fetch_count();
fake::task<bool> check_ready();
fake::task<std::vector<int>> fetch_list();
fake::task<void> log_line();

fake::task<int> fetch_count() { co_return 1; }
fake::task<bool> check_ready() { co_return true; }
fake::task<std::vector<int>> fetch_list() { co_return std::vector<int>{}; }
fake::task<void> log_line() { co_return; }

fake::task<void> handler() {
  co_await log_line();                  // expect-edge: handler awaits log_line
  int n = co_await fetch_count();       // expect-edge: handler awaits fetch_count
  if (co_await check_ready())           // expect-edge: handler awaits check_ready
    n++;
  for (int v : co_await fetch_list())   // expect-edge: handler awaits fetch_list
    n += v;
}
// expect-edge: handler runs-on loop
// expect-no-findings
