// A local event that nothing sets: only this function can reach it.
#include <fake/coro.h>

fake::task<void> wait_for_shutdown() {
  fake::event stopped;
  co_await stopped; // expect-warning: never-signaled {{'wait_for_shutdown::stopped' (event) is awaited, but nothing in the program signals it}}
}
