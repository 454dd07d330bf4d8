// Looks like the uv_queue_work negative, but the file write sits in the
// after-work callback: libuv runs after_work_cb on the loop thread, so the
// fopen and fwrite block the loop. Only work_cb runs on the pool.
#include <uv.h>

#include <cstdio>

static uv_work_t job;
static char result[64];

static void compute(uv_work_t *) { std::snprintf(result, sizeof result, "42\n"); }

static void store(uv_work_t *, int) {
  FILE *out = std::fopen("result.txt", "w"); // expect-warning: blocking-call {{call to 'fopen' blocks the event loop (opens a file)}}
  if (!out)
    return;
  std::fwrite(result, 1, sizeof result, out); // expect-warning: blocking-call {{'fwrite'}}
  std::fclose(out); // expect-warning: blocking-call {{'fclose'}}
}

void start(uv_loop_t *loop) {
  uv_queue_work(loop, &job, compute, store); // expect-path: blocking-call {{'store' is handed to the event loop here (loop callback)}}
}
