// A backup upload runs on libuv's thread pool and moves its job through
// phases; a repeating timer on the loop reports progress every 50 ms and,
// once the job is Done, stops itself so that uv_run can return. A server
// that rejects the credentials ends the upload in Rejected, a phase the
// timer does not look for: it reports progress forever and uv_run never
// returns. The twin, libuv_upload_watch_waits_for_done_on_every_path.cpp,
// ends every upload in Done and keeps the rejection in 'failure'.
#include <atomic>
#include <cstdio>
#include <string>
#include <uv.h>
#include <vector>

enum class UploadPhase { Queued, Uploading, Done, Rejected };

struct upload_job {
  uv_work_t work;
  uv_timer_t progress;
  std::vector<std::string> chunks;
  std::string token;
  std::string failure;
  std::atomic<UploadPhase> phase{UploadPhase::Queued};
  std::atomic<unsigned> sent{0};
};

static bool send_chunk(const std::string &token, const std::string &chunk) {
  return !token.empty() && !chunk.empty();
}

static void upload_chunks(uv_work_t *req) {
  auto *job = static_cast<upload_job *>(req->data);
  job->phase = UploadPhase::Uploading;
  for (const std::string &chunk : job->chunks) {
    if (!send_chunk(job->token, chunk)) {
      job->failure = "credentials rejected"; // expect-path: timer-polling {{records 'upload_job::failure' here}}
      job->phase = UploadPhase::Rejected;
      return;
    }
    ++job->sent;
  }
  job->phase = UploadPhase::Done;
}

static void upload_finished(uv_work_t *, int) {}

static void report_progress(uv_timer_t *timer) {
  auto *job = static_cast<upload_job *>(timer->data);
  std::printf("uploaded %u of %zu chunks\n", job->sent.load(), job->chunks.size());
  if (job->phase.load() != UploadPhase::Done) // expect-warning: timer-polling {{'upload_job::phase' is set to 'Done' only by 'upload_chunks', which can end without setting it, recording 'upload_job::failure' instead}}
    return;
  uv_timer_stop(timer);
  uv_close(reinterpret_cast<uv_handle_t *>(timer), nullptr);
}

int main() {
  uv_loop_t *loop = uv_default_loop();
  upload_job job;
  job.chunks = {"chunk-a", "chunk-b", "chunk-c"};
  job.work.data = &job;
  job.progress.data = &job;
  uv_queue_work(loop, &job.work, upload_chunks, upload_finished);
  uv_timer_init(loop, &job.progress);
  uv_timer_start(&job.progress, report_progress, 50, 50);
  return uv_run(loop, UV_RUN_DEFAULT);
}
