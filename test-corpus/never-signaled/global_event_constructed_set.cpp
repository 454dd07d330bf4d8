// An event at namespace scope constructed set, as a service does to open a
// gate from the start: awaiting it does not suspend, and nothing needs to
// set it. Its constructor's argument is known as a local's is.
// expect-no-findings
#include <fake/coro.h>

static fake::event config_loaded{true};

fake::task<int> serve_request() {
  co_await config_loaded;
  co_return 200;
}
