// Looks like the uv_queue_work negative, but the file write sits in the
// after-work callback: libuv runs after_work_cb on the loop thread, so the
// fopen and fwrite block the loop. Only work_cb runs on the pool.
#include <uv.h>

#include <cstdio>

static uv_work_t job;
static char result[64];

static void compute(uv_work_t *) { std::snprintf(result, sizeof result, "42\n"); }

static void store(uv_work_t *, int) {
  FILE *out = std::fopen("result.txt", "w"); // expect: blocking-call {{call to 'fopen' blocks the event loop (opens a file)}}
  if (!out)
    return;
  std::fwrite(result, 1, sizeof result, out); // expect: blocking-call {{'fwrite'}}
  std::fclose(out); // expect: blocking-call {{'fclose'}}
}

void start(uv_loop_t *loop) {
  uv_queue_work(loop, &job, compute, store); // expect-note: blocking-call {{'store' is handed to the event loop here (loop callback)}}
}
