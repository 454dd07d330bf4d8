// The flag is set in this file; the polling loop is in the other one.
#include "state.h"

bool migrations_done = false;

fake::task<void> run_migrations() {
  co_await fake::sleep_for(fake::milliseconds(500));
  migrations_done = true; // expect-path: timer-polling {{'migrations_done' is set here}}
}
