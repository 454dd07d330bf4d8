// The flag is set in this file, on the path where the migrations apply; the
// polling loop is in the other one.
#include "state.h"

bool migrations_done = false;
bool migrations_failed = false;

bool apply_pending_migrations();

fake::task<void> run_migrations() {
  co_await fake::sleep_for(fake::milliseconds(500));
  if (!apply_pending_migrations()) {
    migrations_failed = true; // expect-path: timer-polling {{'run_migrations' records 'migrations_failed' here, on a path that skips the set}}
    co_return;
  }
  migrations_done = true; // expect-path: timer-polling {{'migrations_done' is set here}}
}
