// Looks like the uv_sleep positive, but the timer callback only starts a
// thread with uv_thread_create: the entry function, which sleeps and writes a
// file, runs on that thread, not on the loop. Handing the function over is a
// reference to it, not a call.
// expect-no-findings
// expect-edge: on_tick offload slow_export
// expect-no-edge: slow_export runs-on loop
#include <uv.h>

#include <cstdio>

static uv_thread_t exporter;

static void slow_export(void *) {
  uv_sleep(100);
  if (FILE *out = std::fopen("export.csv", "w"))
    std::fclose(out);
}

static void on_tick(uv_timer_t *) {
  uv_thread_create(&exporter, slow_export, nullptr);
}

void start_exports(uv_loop_t *loop, uv_timer_t *timer) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, on_tick, 60000, 60000);
}
