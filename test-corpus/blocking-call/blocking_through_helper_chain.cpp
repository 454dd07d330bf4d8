// The blocking calls are two calls deep, in helpers that only the coroutine
// calls and no other unit can: they run only on the loop, so the finding is
// at the first blocking call, the line to change; the path shows each call
// down from the coroutine, and the helper's second blocking call is one more
// note. The twin, helper_also_called_at_startup.cpp, calls the helper from
// main too: there the coroutine's call is the line to change.
#include <fake/coro.h>
#include <cstdio>

static char buffer[256];

void read_settings() {
  FILE *f = fopen("/etc/settings", "r"); // expect-path: blocking-call {{'fopen' blocks here}} expect-warning: blocking-call {{call to 'fopen' blocks the event loop (opens a file)}}
  if (f)
    fclose(f); // expect-path: blocking-call {{'fclose' also blocks here}}
}

void load_config() { read_settings(); } // expect-path: blocking-call {{calls 'read_settings'}}

fake::task<void> handle_request() {
  load_config();
  co_return;
}
