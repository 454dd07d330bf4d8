// A uv_async callback that takes a uv_mutex_t shared with a producer thread.
// The producer holds the mutex only to count, so the loop waits at most that
// long: quiet. (Its twin, where the producer writes a file while holding the
// mutex, is libuv_mutex_held_across_a_journal_write.cpp.)
// expect-no-findings
#include <uv.h>

static uv_mutex_t queue_mutex;
static int queued = 0;
static uv_async_t wakeup;

static void drain(uv_async_t *) {
  uv_mutex_lock(&queue_mutex);
  queued = 0;
  uv_mutex_unlock(&queue_mutex);
}

static void produce(void *) {
  uv_mutex_lock(&queue_mutex);
  ++queued;
  uv_mutex_unlock(&queue_mutex);
  uv_async_send(&wakeup);
}

void start(uv_loop_t *loop, uv_thread_t *producer) {
  uv_mutex_init(&queue_mutex);
  uv_async_init(loop, &wakeup, drain);
  uv_thread_create(producer, produce, nullptr);
}
