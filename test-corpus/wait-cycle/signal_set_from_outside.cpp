// The event a coroutine waits for is set by a plain function (an I/O
// callback, main): nothing here waits before setting it.
// expect-no-findings
#include <fake/coro.h>

fake::event data_ready;

fake::task<void> consumer() {
  co_await data_ready;
}

void on_data_from_socket() { data_ready.set(); }
