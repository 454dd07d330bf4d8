// A coroutine handed to spawn runs on the loop; a lambda kept in a variable
// and then handed over is still that lambda.
#include <fake/coro.h>

fake::task<void> session() { co_return; }
void cleanup() {}

void start(fake::loop &loop) {
  loop.spawn(session());
  auto later = [] { cleanup(); };
  loop.post(later);
}
// expect-edge: start spawns session
// expect-edge: start loop-callback (lambda at spawn_and_lambda_variable.cpp:10:*)
// expect-edge: cleanup runs-on loop
// expect-no-edge: start runs-on *
// expect-no-findings
