// The only code that sets 'warmed' is a lazy task that is created and
// dropped: a fake::task does not start until it is awaited or spawned, so
// the set never runs and 'serve' waits forever.
#include <fake/coro.h>

static fake::event warmed;

fake::task<void> warm_cache() {
  warmed.set(); // expect-path: never-signaled {{the signal that never runs}}
  co_return;
}

void start() {
  warm_cache(); // expect-path: never-signaled {{'warm_cache' is created here and dropped: it never starts}}
}

fake::task<void> serve() {
  co_await warmed; // expect-warning: never-signaled {{'warmed' (event) is awaited, but only 'warm_cache' signals it, a lazy task that is created and dropped without being awaited or started, so it never runs}}
}
