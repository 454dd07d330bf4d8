// The twin of event_constructed_set.cpp: constructed with false, the event
// waits for a set() that nothing makes.
#include <fake/coro.h>

fake::task<int> await_ready_event() {
  fake::event ready{false};
  co_await ready; // expect-warning: never-signaled {{'await_ready_event::ready' (event) is awaited, but nothing in the program signals it}}
  co_return 1;
}
