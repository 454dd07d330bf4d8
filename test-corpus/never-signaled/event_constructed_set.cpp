// An event constructed set, as a test does to check that awaiting a set
// event does not suspend (cppcoro's async_manual_reset_event{true}, libcoro's
// event{true}, a latch of zero): nothing needs to set it.
#include <fake/coro.h>

fake::task<int> await_ready_event() {
  fake::event ready{true};
  co_await ready;
  co_return 1;
}
// expect-no-findings
