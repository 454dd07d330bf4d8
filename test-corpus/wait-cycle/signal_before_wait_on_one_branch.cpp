// One path signals 'b' before waiting, which would start the chain; the other
// path waits first. When 'eager' is false the two coroutines wait on each
// other forever: a possible deadlock, reported as a warning that names the
// signal that could break it.
#include <fake/coro.h>

fake::event a;
fake::event b;

fake::task<void> first(bool eager) {
  if (eager)
    b.set(); // expect-path: wait-cycle {{the signal that could break the cycle, on some paths only}}
  co_await a;
  b.set();
}

fake::task<void> second() {
  co_await b; // expect-warning: wait-cycle {{possible deadlock: 'a' is signalled only after 'b' is signalled, and 'b' is signalled only after 'a' is signalled; only 'first' can break the cycle, and it signals on some paths only}}
  a.set();
}
