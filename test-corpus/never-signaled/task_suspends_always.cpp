// A task meant to give other work a turn awaits std::suspend_always, as in a
// bug reported against cppcoro: the task's handle goes to no one, so nothing
// resumes it, and the sync_wait in main waits forever. The fixed version
// yields to the loop, which resumes it on its next turn
// (task_yields_to_the_loop.cpp).
#include <fake/coro.h>

fake::task<int> compute() {
  co_await std::suspend_always{}; // expect-warning: never-signaled {{'std::suspend_always' suspends this task and hands its handle to no one}}
  co_return 42;
}

int main() { return fake::sync_wait(compute()); }
