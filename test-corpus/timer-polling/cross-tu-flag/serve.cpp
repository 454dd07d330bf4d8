#include "state.h"

fake::task<void> serve() {
  while (!migrations_done) // expect-warning: timer-polling {{sleeps in a loop until 'migrations_done' changes: it wakes up on every tick for nothing and notices the change late; 'migrations_done' is set in 'run_migrations'}}
    co_await fake::sleep_for(fake::milliseconds(20));
}
