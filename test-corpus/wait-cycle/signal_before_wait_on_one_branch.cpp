// One path signals before waiting, so the signal does not depend on the wait.
// expect-no-findings
#include <fake/coro.h>

fake::event a;
fake::event b;

fake::task<void> first(bool eager) {
  if (eager)
    b.set();
  co_await a;
  b.set();
}

fake::task<void> second() {
  co_await b;
  a.set();
}
