// The helpers of blocking_through_helper_chain.cpp, also called by main to
// load the settings before the loop starts, where reading a file blocks no
// loop. The helper may run off the loop, so the finding is at the call the
// coroutine makes, which is what runs on the loop; the path shows each call
// down, and the second blocking call the same call reaches is one more note.
#include <fake/coro.h>
#include <cstdio>

void read_settings() {
  FILE *f = fopen("/etc/settings", "r"); // expect-path: blocking-call {{'fopen' blocks here}}
  if (f)
    fclose(f); // expect-path: blocking-call {{'fclose' also blocks here}}
}

void load_config() { read_settings(); } // expect-path: blocking-call {{calls 'read_settings'}}

fake::task<void> handle_request() {
  load_config(); // expect-warning: blocking-call {{call to 'load_config' reaches 'fopen', which blocks the event loop (opens a file)}}
  co_return;
}

int main() {
  load_config();
  fake::loop loop;
  loop.spawn(handle_request());
  loop.run();
}
