// A coroutine that asserts through the project's own helper after resuming.
#include <fake/coro.h>
#include "checks.h"

fake::event ready;

fake::task<void> waits_for_ready() {
  co_await ready;
  service::check(true); // expect-warning: blocking-call {{call to 'service::check' reaches 'std::basic_ifstream::basic_ifstream', which blocks the event loop (opens a file)}}
}
