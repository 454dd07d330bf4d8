// A directory watcher: it watches a spool folder (uv_fs_event), prints a
// heartbeat every second (a repeating uv_timer) and shuts down on SIGINT by
// stopping the heartbeat and closing the signal handle. It forgets the
// folder watch, which stays active, so uv_run never returns after SIGINT
// and main never writes its summary. The twin,
// watcher_shutdown_closes_every_handle.cpp, closes the watch too.
#include <uv.h>
#include <csignal>
#include <cstdio>

class spool_watcher {
public:
  explicit spool_watcher(uv_loop_t *loop) : loop_(loop) {}

  void start(const char *folder) {
    uv_fs_event_init(loop_, &watch_);
    watch_.data = this;
    uv_fs_event_start(&watch_, on_change, folder, 0); // expect-path: never-signaled {{'spool_watcher::watch_' is made active here}}
    uv_timer_init(loop_, &heartbeat_);
    heartbeat_.data = this;
    uv_timer_start(&heartbeat_, on_heartbeat, 1000, 1000);
    uv_signal_init(loop_, &interrupt_);
    interrupt_.data = this;
    uv_signal_start(&interrupt_, on_interrupt, SIGINT);
  }

  int changes() const { return changes_; }

private:
  static void on_change(uv_fs_event_t *handle, const char *name, int, int) {
    auto *self = static_cast<spool_watcher *>(handle->data);
    ++self->changes_;
    std::printf("spooled: %s\n", name ? name : "?");
  }

  static void on_heartbeat(uv_timer_t *timer) {
    auto *self = static_cast<spool_watcher *>(timer->data);
    std::printf("watching, %d changes so far\n", self->changes_);
  }

  static void on_interrupt(uv_signal_t *signal, int) {
    static_cast<spool_watcher *>(signal->data)->shutdown();
  }

  void shutdown() {
    uv_timer_stop(&heartbeat_);
    uv_close(reinterpret_cast<uv_handle_t *>(&heartbeat_), nullptr); // expect-path: never-signaled {{'spool_watcher::heartbeat_' is closed here}}
    uv_close(reinterpret_cast<uv_handle_t *>(&interrupt_), nullptr);
  }

  uv_loop_t *loop_;
  uv_fs_event_t watch_{};
  uv_timer_t heartbeat_{};
  uv_signal_t interrupt_{};
  int changes_ = 0;
};

int main() {
  uv_loop_t loop;
  uv_loop_init(&loop);
  spool_watcher watcher(&loop);
  watcher.start("/var/spool/intake");
  uv_run(&loop, UV_RUN_DEFAULT); // expect-warning: never-signaled {{the run of 'loop' returns only once no handle is active, but the handle 'spool_watcher::watch_' is never stopped or closed}}
  std::printf("%d changes\n", watcher.changes());
  uv_loop_close(&loop);
}
