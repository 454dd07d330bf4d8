// A libuv ingest server appends one line per received chunk to its journal
// file with fprintf from the read callback: every chunk waits on the disk,
// on the loop's only thread. The twin,
// libuv_log_line_written_to_stderr_in_a_read_callback.cpp, writes the same
// line to stderr, as a log line, which is not reported.
#include <cstdio>
#include <cstdlib>
#include <uv.h>

static FILE *journal;

static void on_alloc(uv_handle_t *, size_t size, uv_buf_t *buf) {
  buf->base = static_cast<char *>(std::malloc(size));
  buf->len = size;
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  if (nread > 0)
    std::fprintf(journal, "chunk of %zd bytes\n", nread); // expect-warning: blocking-call {{call to 'fprintf' blocks the event loop (writes a file)}}
  else if (nread < 0)
    uv_close(reinterpret_cast<uv_handle_t *>(stream), nullptr);
  std::free(buf->base);
}

static void on_connection(uv_stream_t *server, int status) {
  if (status < 0)
    return;
  auto *client = static_cast<uv_tcp_t *>(std::malloc(sizeof(uv_tcp_t)));
  uv_tcp_init(server->loop, client);
  if (uv_accept(server, reinterpret_cast<uv_stream_t *>(client)) == 0)
    uv_read_start(reinterpret_cast<uv_stream_t *>(client), on_alloc, on_read);
}

int main() {
  journal = std::fopen("ingest.journal", "a");
  uv_loop_t *loop = uv_default_loop();
  uv_tcp_t server;
  uv_tcp_init(loop, &server);
  sockaddr_in addr;
  uv_ip4_addr("0.0.0.0", 7100, &addr);
  uv_tcp_bind(&server, reinterpret_cast<const sockaddr *>(&addr), 0);
  uv_listen(reinterpret_cast<uv_stream_t *>(&server), 64, on_connection);
  return uv_run(loop, UV_RUN_DEFAULT);
}
