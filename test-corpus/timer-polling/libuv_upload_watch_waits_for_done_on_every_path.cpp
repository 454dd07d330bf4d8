// A backup upload runs on libuv's thread pool and moves its job through
// phases; a repeating timer on the loop reports progress every 50 ms and,
// once the job is Done, stops itself so that uv_run can return. A rejected
// upload ends in Done too, with the reason in 'failure': the timer stops on
// every path. The twin,
// libuv_upload_watch_waits_for_done_after_a_rejection.cpp, ends a rejected
// upload in Rejected, which the timer does not look for.
// expect-no-findings
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
      job->failure = "credentials rejected";
      job->phase = UploadPhase::Done;
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
  if (job->phase.load() != UploadPhase::Done)
    return;
  uv_timer_stop(timer);
  uv_close(reinterpret_cast<uv_handle_t *>(timer), nullptr);
  if (!job->failure.empty())
    std::printf("upload failed: %s\n", job->failure.c_str());
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
