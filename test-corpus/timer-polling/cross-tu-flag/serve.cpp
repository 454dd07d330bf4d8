#include "state.h"

fake::task<void> serve() {
  while (!migrations_done) // expect-warning: timer-polling {{sleeps in a loop until 'migrations_done' changes; 'migrations_done' is set only by 'run_migrations', which can end without setting it, recording 'migrations_failed' instead: on that path this never ends}}
    co_await fake::sleep_for(fake::milliseconds(20));
}

void start(fake::loop &loop) {
  loop.spawn(run_migrations());
  loop.spawn(serve());
}
