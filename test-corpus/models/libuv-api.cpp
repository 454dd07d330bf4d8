// expect-no-findings
//
// Uses every function named in rules/models/libuv.json, on the real uv.h. The
// callbacks handed to the loop only do non-blocking work; the blocking calls
// are in a plain function that no loop runs, and the thread pool's work
// callback only computes. A model name that stops matching libuv fails the
// model name check.
//
// libuv takes C function pointers, and the frontend follows a callback only
// when it is a named function (a captureless lambda converted to a function
// pointer is not followed), so every callback here is a named function.

#include <uv.h>

#include <cstdint>

namespace libuv_api {

int events = 0;
char storage[64];

void on_timer(uv_timer_t *) { ++events; }
void on_idle(uv_idle_t *) { ++events; }
void on_prepare(uv_prepare_t *) { ++events; }
void on_check(uv_check_t *) { ++events; }
void on_async(uv_async_t *) { ++events; }
void on_poll(uv_poll_t *, int, int) { ++events; }
void on_signal(uv_signal_t *, int) { ++events; }
void on_fs_event(uv_fs_event_t *, const char *, int, int) { ++events; }
void on_fs_poll(uv_fs_poll_t *, int, const uv_stat_t *, const uv_stat_t *) {
  ++events;
}
void on_close(uv_handle_t *) { ++events; }

// Handles whose callback the loop runs.
void handles(uv_loop_t *loop) {
  static uv_timer_t timer;
  uv_timer_init(loop, &timer);
  uv_timer_start(&timer, on_timer, 100, 100);

  static uv_idle_t idle;
  uv_idle_init(loop, &idle);
  uv_idle_start(&idle, on_idle);

  static uv_prepare_t prepare;
  uv_prepare_init(loop, &prepare);
  uv_prepare_start(&prepare, on_prepare);

  static uv_check_t check;
  uv_check_init(loop, &check);
  uv_check_start(&check, on_check);

  static uv_async_t async;
  uv_async_init(loop, &async, on_async);

  static uv_poll_t poll;
  uv_poll_init(loop, &poll, 0);
  uv_poll_start(&poll, UV_READABLE, on_poll);

  static uv_signal_t sig;
  uv_signal_init(loop, &sig);
  uv_signal_start(&sig, on_signal, 1);
  uv_signal_start_oneshot(&sig, on_signal, 2);

  static uv_fs_event_t watch;
  uv_fs_event_init(loop, &watch);
  uv_fs_event_start(&watch, on_fs_event, "/tmp", 0);

  static uv_fs_poll_t stat_poll;
  uv_fs_poll_init(loop, &stat_poll);
  uv_fs_poll_start(&stat_poll, on_fs_poll, "/tmp", 1000);

  uv_timer_stop(&timer);
  uv_idle_stop(&idle);
  uv_prepare_stop(&prepare);
  uv_check_stop(&check);
  uv_poll_stop(&poll);
  uv_signal_stop(&sig);
  uv_fs_event_stop(&watch);
  uv_fs_poll_stop(&stat_poll);
  uv_unref(reinterpret_cast<uv_handle_t *>(&async));
  uv_close(reinterpret_cast<uv_handle_t *>(&timer), on_close);
}

void on_alloc(uv_handle_t *, size_t, uv_buf_t *buf) {
  *buf = uv_buf_init(storage, sizeof storage);
}
void on_read(uv_stream_t *, ssize_t n, const uv_buf_t *) { events += n > 0; }
void on_write(uv_write_t *, int) { ++events; }
void on_shutdown(uv_shutdown_t *, int) { ++events; }
void on_connection(uv_stream_t *, int) { ++events; }
void on_connect(uv_connect_t *, int) { ++events; }
void on_udp_recv(uv_udp_t *, ssize_t n, const uv_buf_t *,
                 const struct sockaddr *, unsigned) {
  events += n > 0;
}
void on_udp_send(uv_udp_send_t *, int) { ++events; }
void on_resolved(uv_getaddrinfo_t *, int, struct addrinfo *res) {
  uv_freeaddrinfo(res);
}
void on_name(uv_getnameinfo_t *, int, const char *, const char *) {
  ++events;
}
void on_random(uv_random_t *, int, void *, size_t) { ++events; }

// Streams, sockets and requests.
void network(uv_loop_t *loop) {
  static uv_tcp_t server, client, reset;
  uv_tcp_init(loop, &server);
  uv_tcp_init(loop, &client);
  uv_tcp_init(loop, &reset);
  auto *server_stream = reinterpret_cast<uv_stream_t *>(&server);
  auto *client_stream = reinterpret_cast<uv_stream_t *>(&client);
  uv_listen(server_stream, 16, on_connection);

  struct sockaddr_in addr;
  uv_ip4_addr("127.0.0.1", 7000, &addr);
  static uv_connect_t connect;
  uv_tcp_connect(&connect, &client,
                 reinterpret_cast<const struct sockaddr *>(&addr), on_connect);
  uv_read_start(client_stream, on_alloc, on_read);
  uv_read_stop(client_stream);

  uv_buf_t buf = uv_buf_init(storage, sizeof storage);
  static uv_write_t write, write2;
  uv_write(&write, client_stream, &buf, 1, on_write);
  static uv_pipe_t ipc;
  uv_pipe_init(loop, &ipc, 1);
  uv_write2(&write2, reinterpret_cast<uv_stream_t *>(&ipc), &buf, 1,
            client_stream, on_write);
  static uv_shutdown_t shutdown;
  uv_shutdown(&shutdown, client_stream, on_shutdown);
  uv_tcp_close_reset(&reset, on_close);

  static uv_pipe_t pipe;
  uv_pipe_init(loop, &pipe, 0);
  static uv_connect_t pipe_connect;
  uv_pipe_connect(&pipe_connect, &pipe, "/tmp/libuv-api.sock", on_connect);

  static uv_udp_t udp;
  uv_udp_init(loop, &udp);
  uv_udp_recv_start(&udp, on_alloc, on_udp_recv);
  uv_udp_recv_stop(&udp);
  static uv_udp_send_t send;
  uv_udp_send(&send, &udp, &buf, 1,
              reinterpret_cast<const struct sockaddr *>(&addr), on_udp_send);

  static uv_getaddrinfo_t resolve;
  uv_getaddrinfo(loop, &resolve, on_resolved, "localhost", "80", nullptr);
  static uv_getnameinfo_t name;
  uv_getnameinfo(loop, &name, on_name,
                 reinterpret_cast<const struct sockaddr *>(&addr), 0);
  static uv_random_t random;
  uv_random(loop, &random, storage, sizeof storage, 0, on_random);
}

void on_fs(uv_fs_t *req) { uv_fs_req_cleanup(req); }

// File system requests, each with a callback: they run on libuv's pool and
// call back on the loop.
void files(uv_loop_t *loop) {
  static uv_fs_t r[40];
  static uv_dir_t *dir = nullptr;
  static char tpl[] = "/tmp/libuv-api-XXXXXX";
  uv_buf_t buf = uv_buf_init(storage, sizeof storage);
  int i = 0;
  uv_fs_open(loop, &r[i++], "/tmp/a", 0, 0644, on_fs);
  uv_fs_close(loop, &r[i++], 3, on_fs);
  uv_fs_read(loop, &r[i++], 3, &buf, 1, 0, on_fs);
  uv_fs_write(loop, &r[i++], 3, &buf, 1, 0, on_fs);
  uv_fs_unlink(loop, &r[i++], "/tmp/a", on_fs);
  uv_fs_copyfile(loop, &r[i++], "/tmp/a", "/tmp/b", 0, on_fs);
  uv_fs_mkdir(loop, &r[i++], "/tmp/d", 0755, on_fs);
  uv_fs_mkdtemp(loop, &r[i++], tpl, on_fs);
  uv_fs_mkstemp(loop, &r[i++], tpl, on_fs);
  uv_fs_rmdir(loop, &r[i++], "/tmp/d", on_fs);
  uv_fs_scandir(loop, &r[i++], "/tmp", 0, on_fs);
  uv_fs_opendir(loop, &r[i++], "/tmp", on_fs);
  uv_fs_readdir(loop, &r[i++], dir, on_fs);
  uv_fs_closedir(loop, &r[i++], dir, on_fs);
  uv_fs_stat(loop, &r[i++], "/tmp/a", on_fs);
  uv_fs_fstat(loop, &r[i++], 3, on_fs);
  uv_fs_lstat(loop, &r[i++], "/tmp/a", on_fs);
  uv_fs_statfs(loop, &r[i++], "/tmp", on_fs);
  uv_fs_rename(loop, &r[i++], "/tmp/a", "/tmp/b", on_fs);
  uv_fs_fsync(loop, &r[i++], 3, on_fs);
  uv_fs_fdatasync(loop, &r[i++], 3, on_fs);
  uv_fs_ftruncate(loop, &r[i++], 3, 0, on_fs);
  uv_fs_sendfile(loop, &r[i++], 4, 3, 0, 64, on_fs);
  uv_fs_access(loop, &r[i++], "/tmp/a", 0, on_fs);
  uv_fs_chmod(loop, &r[i++], "/tmp/a", 0644, on_fs);
  uv_fs_fchmod(loop, &r[i++], 3, 0644, on_fs);
  uv_fs_utime(loop, &r[i++], "/tmp/a", 0, 0, on_fs);
  uv_fs_futime(loop, &r[i++], 3, 0, 0, on_fs);
  uv_fs_lutime(loop, &r[i++], "/tmp/a", 0, 0, on_fs);
  uv_fs_link(loop, &r[i++], "/tmp/a", "/tmp/c", on_fs);
  uv_fs_symlink(loop, &r[i++], "/tmp/a", "/tmp/s", 0, on_fs);
  uv_fs_readlink(loop, &r[i++], "/tmp/s", on_fs);
  uv_fs_realpath(loop, &r[i++], "/tmp/s", on_fs);
  uv_fs_chown(loop, &r[i++], "/tmp/a", 0, 0, on_fs);
  uv_fs_fchown(loop, &r[i++], 3, 0, 0, on_fs);
  uv_fs_lchown(loop, &r[i++], "/tmp/s", 0, 0, on_fs);
}

void compute(uv_work_t *req) { req->data = nullptr; }
void computed(uv_work_t *, int) { ++events; }
void thread_body(void *arg) { *static_cast<int *>(arg) = 1; }

// The pool's work callback runs on a worker, its after-work callback on the
// loop; threads run their entry function.
void workers(uv_loop_t *loop, uv_thread_t *tid) {
  static uv_work_t work;
  uv_queue_work(loop, &work, compute, computed);
  static int flag = 0;
  uv_thread_create(tid, thread_body, &flag);
  uv_thread_options_t options{UV_THREAD_NO_FLAGS, 0};
  uv_thread_t tid2;
  uv_thread_create_ex(&tid2, &options, thread_body, &flag);
}

// Blocking calls, made where no loop runs.
void synchronous(uv_loop_t *loop, uv_thread_t *tid) {
  uv_run(loop, UV_RUN_DEFAULT);
  uv_stop(loop);
  uv_sleep(1);
  uv_thread_join(tid);

  uv_mutex_t mutex;
  uv_mutex_init(&mutex);
  uv_mutex_lock(&mutex);
  uv_cond_t cond;
  uv_cond_init(&cond);
  uv_cond_timedwait(&cond, &mutex, 1000);
  uv_cond_wait(&cond, &mutex);
  uv_mutex_unlock(&mutex);
  if (uv_mutex_trylock(&mutex) == 0)
    uv_mutex_unlock(&mutex);
  uv_cond_signal(&cond);
  uv_cond_broadcast(&cond);

  uv_rwlock_t rw;
  uv_rwlock_init(&rw);
  uv_rwlock_rdlock(&rw);
  uv_rwlock_rdunlock(&rw);
  uv_rwlock_wrlock(&rw);
  uv_rwlock_wrunlock(&rw);

  uv_sem_t sem;
  uv_sem_init(&sem, 1);
  uv_sem_wait(&sem);

  uv_barrier_t barrier;
  uv_barrier_init(&barrier, 1);
  uv_barrier_wait(&barrier);
}

} // namespace libuv_api

int main() {
  uv_loop_t *loop = uv_default_loop();
  libuv_api::handles(loop);
  libuv_api::network(loop);
  libuv_api::files(loop);
  uv_thread_t worker;
  libuv_api::workers(loop, &worker);
  libuv_api::synchronous(loop, &worker);
}
