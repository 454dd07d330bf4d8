// A libuv timer callback that sleeps, on the real uv.h. libuv runs every
// callback on the loop thread, so uv_sleep stops every other handle on the
// loop for as long as it sleeps. The callback is a plain C function pointer
// handed to uv_timer_start: the path starts at that registration.
#include <uv.h>

static int ticks = 0;

static void on_tick(uv_timer_t *) {
  ++ticks;
  uv_sleep(50); // expect-warning: blocking-call {{call to 'uv_sleep' blocks the event loop (sleeps)}}
}

void start_ticking(uv_loop_t *loop, uv_timer_t *timer) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, on_tick, 0, 100); // expect-path: blocking-call {{'on_tick' is handed to the event loop here (loop callback)}}
}

int main() {
  uv_timer_t timer;
  start_ticking(uv_default_loop(), &timer);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
