// A uv_async callback that takes a uv_mutex_t shared with a producer thread.
// The callback runs on the loop, so while the producer holds the mutex the
// whole loop waits: reported as a note, since short critical sections are
// common. The producer's own lock is on its thread and is not reported.
#include <uv.h>

static uv_mutex_t queue_mutex;
static int queued = 0;
static uv_async_t wakeup;

static void drain(uv_async_t *) {
  uv_mutex_lock(&queue_mutex); // expect-note: blocking-call {{call to 'uv_mutex_lock' on the event loop blocks it while another thread holds the mutex (locks a mutex)}}
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
  uv_async_init(loop, &wakeup, drain); // expect-path: blocking-call {{'drain' is handed to the event loop here (loop callback)}}
  uv_thread_create(producer, produce, nullptr);
}
