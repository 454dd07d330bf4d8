// A uv_async callback takes the mutex a producer thread holds while it
// appends to a journal and syncs it to disk: each time the callback runs
// into that, the whole loop waits for the disk.
#include <uv.h>
#include <unistd.h>

static uv_mutex_t queue_mutex;
static int queued = 0;
static int journal_fd = -1;
static uv_async_t wakeup;

static void drain(uv_async_t *) {
  uv_mutex_lock(&queue_mutex); // expect-warning: blocking-call {{call to 'uv_mutex_lock' on the event loop waits for the mutex while 'record' holds it across 'write' (writes a file descriptor)}}
  queued = 0;
  uv_mutex_unlock(&queue_mutex);
}

static void record(int entry) {
  uv_mutex_lock(&queue_mutex); // expect-path: blocking-call {{'record' takes it here}}
  ++queued;
  write(journal_fd, &entry, sizeof entry);
  fsync(journal_fd);
  uv_mutex_unlock(&queue_mutex);
}

static void produce(void *) {
  for (int i = 0; i < 100; ++i)
    record(i);
  uv_async_send(&wakeup);
}

void start(uv_loop_t *loop, uv_thread_t *producer) {
  uv_mutex_init(&queue_mutex);
  uv_async_init(loop, &wakeup, drain);
  uv_thread_create(producer, produce, nullptr);
}
