// An internal-linkage global: no other translation unit can set it.
#include <fake/coro.h>

static fake::event config_ready;

fake::task<void> start() {
  co_await config_ready; // expect-warning: never-signaled {{'config_ready'}}
}

fake::task<void> restart() {
  co_await config_ready; // expect-path: never-signaled {{'restart' waits for 'config_ready' here}}
}
