// A read callback that runs the loop it is called from, to "wait" for the
// write it just queued. libuv's uv_run is not reentrant and must not be called
// from a callback: the outer iteration is still in progress, so this is
// sync-over-async on the loop itself. An error, not a stall.
#include <uv.h>

static char storage[256];
static uv_write_t reply;

static void on_alloc(uv_handle_t *, size_t, uv_buf_t *buf) {
  *buf = uv_buf_init(storage, sizeof storage);
}

static void on_written(uv_write_t *, int) {}

static void on_read(uv_stream_t *stream, ssize_t n, const uv_buf_t *buf) {
  if (n <= 0)
    return;
  uv_buf_t echo = uv_buf_init(buf->base, static_cast<unsigned>(n));
  uv_write(&reply, stream, &echo, 1, on_written);
  uv_run(stream->loop, UV_RUN_DEFAULT); // expect-error: blocking-call {{call to 'uv_run' on the event loop waits for work that needs this loop (runs an event loop)}}
}

void serve(uv_tcp_t *client) {
  uv_read_start(reinterpret_cast<uv_stream_t *>(client), on_alloc, on_read); // expect-path: blocking-call {{'on_read' is handed to the event loop here (loop callback)}}
}
