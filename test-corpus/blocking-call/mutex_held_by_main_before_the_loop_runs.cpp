// main loads the settings under a mutex with a blocking read before it runs
// the loop; the loop's callback takes the same mutex later, on the same
// thread, so it never waits for that read. Quiet. (A holder on another
// thread: libuv_mutex_held_across_a_journal_write.cpp.)
// expect-no-findings
#include <uv.h>
#include <unistd.h>

static uv_mutex_t settings_mutex;
static char settings[256];
static uv_timer_t reload;

static void on_reload(uv_timer_t *) {
  uv_mutex_lock(&settings_mutex);
  settings[0] = 0;
  uv_mutex_unlock(&settings_mutex);
}

int main() {
  uv_mutex_init(&settings_mutex);
  uv_mutex_lock(&settings_mutex);
  read(0, settings, sizeof settings);
  uv_mutex_unlock(&settings_mutex);
  uv_loop_t *loop = uv_default_loop();
  uv_timer_init(loop, &reload);
  uv_timer_start(&reload, on_reload, 1000, 1000);
  return uv_run(loop, UV_RUN_DEFAULT);
}
