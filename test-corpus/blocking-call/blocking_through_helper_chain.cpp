// The blocking call is three calls deep; the path shows each call.
#include <fake/coro.h>
#include <cstdio>

static char buffer[256];

void read_settings() {
  FILE *f = fopen("/etc/settings", "r"); // expect-warning: blocking-call {{'fopen' blocks the event loop (opens a file)}}
  if (f)
    fclose(f); // expect-warning: blocking-call {{'fclose'}}
}

void load_config() { read_settings(); } // expect-path: blocking-call {{calls 'read_settings'}}

fake::task<void> handle_request() {
  load_config(); // expect-path: blocking-call {{calls 'load_config'}}
  co_return;
}
