// The local event is handed by reference to a function the analysis does not
// see; it may set it.
// expect-no-findings
#include <fake/coro.h>

void register_completion(fake::event &done); // Defined in a library.

fake::task<void> run_job() {
  fake::event done;
  register_completion(done);
  co_await done;
}
