// A search index is rebuilt on libuv's thread pool; a repeating timer on the
// loop takes its job from the handle's data and checks every 10 ms whether
// the rebuild finished, then swaps the index in. A rebuild that meets a
// corrupt segment records why and marks the job done too, so the timer
// stops on both paths. The twin,
// libuv_index_rebuild_watch_misses_a_failed_rebuild.cpp, leaves it unmarked.
// expect-no-findings
#include <atomic>
#include <cstdio>
#include <string>
#include <uv.h>
#include <vector>

struct rebuild_job {
  uv_work_t work;
  uv_timer_t watch;
  std::vector<std::string> segments;
  std::string failure;
  std::atomic<bool> done{false};
  unsigned ticks = 0;
};

static void rebuild_segments(uv_work_t *req) {
  auto *job = static_cast<rebuild_job *>(req->data);
  for (const std::string &segment : job->segments) {
    if (segment.empty()) {
      job->failure = "corrupt segment";
      job->done.store(true);
      return;
    }
  }
  job->done.store(true);
}

static void rebuild_finished(uv_work_t *, int) {}

static void check_rebuild(uv_timer_t *timer) {
  auto *job = static_cast<rebuild_job *>(timer->data);
  ++job->ticks;
  if (!job->done.load())
    return;
  uv_timer_stop(timer);
  uv_close(reinterpret_cast<uv_handle_t *>(timer), nullptr);
  std::printf("index swapped in after %u ticks\n", job->ticks);
}

int main() {
  uv_loop_t *loop = uv_default_loop();
  rebuild_job job;
  job.segments = {"seg-0001", "", "seg-0003"};
  job.work.data = &job;
  job.watch.data = &job;
  uv_queue_work(loop, &job.work, rebuild_segments, rebuild_finished);
  uv_timer_init(loop, &job.watch);
  uv_timer_start(&job.watch, check_rebuild, 10, 10);
  return uv_run(loop, UV_RUN_DEFAULT);
}
