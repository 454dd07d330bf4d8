// A test drives a task by hand, as libcoro's task tests do: it keeps the
// task and resumes it past each std::suspend_always. The owner holds the
// handle, so every suspension is resumed.
// expect-no-findings
#include <fake/coro.h>

fake::task<int> steps() {
  co_await std::suspend_always{};
  co_await std::suspend_always{};
  co_return 3;
}

int main() {
  fake::task<int> t = steps();
  while (!t.done())
    t.handle().resume();
  return 0;
}
