// The twin of loop_pumped_by_a_coroutine_main_runs.cpp: the coroutine that
// runs the loop is spawned on that loop, so it runs the loop from inside one
// of the loop's own callbacks and waits for work only that loop can run.
#include <fake/coro.h>

fake::task<void> pump(fake::loop &events) {
  events.run(); // expect-error: blocking-call {{call to 'fake::loop::run' on the event loop waits for work that needs this loop}}
  co_return;
}

int main() {
  fake::loop events;
  events.spawn(pump(events)); // expect-path: blocking-call {{'pump' is handed to the event loop here (spawned)}}
  events.run();
}
