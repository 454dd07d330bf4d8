// On real libuv headers: a repeating uv timer whose callback only returns
// until the connect callback sets a flag, which it does only when the
// connection succeeded: on a failure it records the error instead, and the
// timer polls for ever.
#include <uv.h>

static int db_connected = 0;
static int db_error = 0;
static uv_timer_t poll_timer;

static void on_connected(uv_connect_t *req, int status) {
  (void)req;
  if (status == 0)
    db_connected = 1; // expect-path: timer-polling {{'db_connected' is set here}}
  else
    db_error = status; // expect-path: timer-polling {{'on_connected' records 'db_error' here, on a path that skips the set}}
}

static void on_poll(uv_timer_t *timer) {
  if (!db_connected) // expect-warning: timer-polling {{timer callback polls 'db_connected': on every tick while it is unset it only returns; 'db_connected' is set only by 'on_connected', which can end without setting it, recording 'db_error' instead}}
    return;
  uv_timer_stop(timer);
}

void start(uv_loop_t *loop, uv_tcp_t *db, const struct sockaddr *addr) {
  static uv_connect_t connect_req;
  uv_tcp_connect(&connect_req, db, addr, on_connected);
  uv_timer_init(loop, &poll_timer);
  uv_timer_start(&poll_timer, on_poll, 100, 100); // expect-path: timer-polling {{handed to the loop here}}
}
