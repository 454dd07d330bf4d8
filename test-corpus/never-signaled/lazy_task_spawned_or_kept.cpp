// The same lazy tasks, started: spawned on the loop, kept in a local and
// awaited, or returned to a caller that awaits it. Each set runs.
// expect-no-findings
#include <fake/coro.h>

static fake::event warmed;
static fake::event indexed;
static fake::event loaded;

fake::task<void> warm_cache() {
  warmed.set();
  co_return;
}

fake::task<void> build_index() {
  indexed.set();
  co_return;
}

fake::task<void> load_config() {
  loaded.set();
  co_return;
}

fake::task<void> make_loader() { return load_config(); }

void start(fake::loop &loop) { loop.spawn(warm_cache()); }

fake::task<void> prepare() {
  auto index = build_index();
  co_await index;
  co_await make_loader();
}

fake::task<void> serve() {
  co_await warmed;
  co_await indexed;
  co_await loaded;
}
