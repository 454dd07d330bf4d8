// The fix of libuv_repeating_timer_polls_flag.cpp: the timer's callback also
// stops polling once the connect callback records an error, so it ends on
// both paths.
// expect-no-findings
#include <uv.h>

static int db_connected = 0;
static int db_error = 0;
static uv_timer_t poll_timer;

static void on_connected(uv_connect_t *req, int status) {
  (void)req;
  if (status == 0)
    db_connected = 1;
  else
    db_error = status;
}

static void on_poll(uv_timer_t *timer) {
  if (!db_connected && !db_error)
    return;
  uv_timer_stop(timer);
}

void start(uv_loop_t *loop, uv_tcp_t *db, const struct sockaddr *addr) {
  static uv_connect_t connect_req;
  uv_tcp_connect(&connect_req, db, addr, on_connected);
  uv_timer_init(loop, &poll_timer);
  uv_timer_start(&poll_timer, on_poll, 100, 100);
}
