// The parent awaits a child coroutine that waits for what the parent signals
// only after the child finishes.
#include <fake/coro.h>

fake::event go;

fake::task<int> child() {
  co_await go; // expect-path: wait-cycle {{'child' waits for 'go' here}}
  co_return 1;
}

fake::task<void> parent() {
  int v = co_await child(); // expect-error: wait-cycle {{'go' is signalled only after coroutine 'child' finishes, and coroutine 'child' finishes only after 'go' is signalled}}
  go.set();
  (void)v;
}
