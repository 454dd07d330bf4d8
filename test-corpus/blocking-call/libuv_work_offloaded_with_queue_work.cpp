// The timer callback hands the slow file write to libuv's thread pool with
// uv_queue_work: work_cb runs on a pool thread, so its blocking I/O and sleep
// stop no loop. Only after_work_cb comes back to the loop, and it only counts.
// uv_run in main is where the loop starts, not a nested loop.
// expect-no-findings
// expect-edge: start_auditing offload write_audit_record
// expect-edge: start_auditing loop-callback on_tick
// expect-edge: on_tick loop-callback audit_done
#include <uv.h>

#include <cstdio>

static uv_work_t audit;
static int written = 0;

static void write_audit_record(uv_work_t *) {
  FILE *out = std::fopen("audit.log", "a");
  if (!out)
    return;
  std::fputs("tick\n", out);
  std::fclose(out);
  uv_sleep(10); // throttles the pool thread, not the loop
}

static void audit_done(uv_work_t *, int status) {
  if (status == 0)
    ++written;
}

static void on_tick(uv_timer_t *timer) {
  uv_queue_work(timer->loop, &audit, write_audit_record, audit_done);
}

void start_auditing(uv_loop_t *loop, uv_timer_t *timer) {
  uv_timer_init(loop, timer);
  uv_timer_start(timer, on_tick, 1000, 1000);
  // The same work queued from here also runs on the pool.
  uv_queue_work(loop, &audit, write_audit_record, audit_done);
}

int main() {
  uv_timer_t timer;
  start_auditing(uv_default_loop(), &timer);
  return uv_run(uv_default_loop(), UV_RUN_DEFAULT);
}
