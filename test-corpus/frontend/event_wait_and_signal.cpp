// Waits and signals on a global event, from the models of .corolint.yaml.
#include <fake/coro.h>

fake::event ready;

fake::task<void> waiter() {
  co_await ready;   // expect-edge: waiter waits ready
}

void setter() {
  ready.set();      // expect-edge: setter signals ready
}
// expect-no-edge: waiter signals ready
// expect-no-findings
