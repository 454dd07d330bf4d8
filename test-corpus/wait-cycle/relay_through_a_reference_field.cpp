// Each stage of a relay waits on the event its caller lent it, through a
// reference field, and then sets it. The field names the caller's event, not
// one of its own: the caller sets that event too, so the first stage goes
// on. A field holding the event by value is a cycle of one
// (waits_for_what_it_signals_later.cpp, on a global).
// expect-no-findings
#include <fake/coro.h>

struct Stage {
  fake::event &go;

  explicit Stage(fake::event &go) : go(go) {}

  fake::task<void> run() {
    co_await go;
    go.set();
  }
};

fake::task<void> relay() {
  fake::event go;
  Stage first(go), second(go);
  go.set();
  co_await first.run();
  co_await second.run();
}
