// The twin of global_event_constructed_set.cpp: the gate at namespace scope
// is constructed closed, and nothing in the program opens it.
#include <fake/coro.h>

static fake::event config_loaded{false};

fake::task<int> serve_request() {
  co_await config_loaded; // expect-warning: never-signaled {{'config_loaded' (event) is awaited, but nothing in the program signals it}}
  co_return 200;
}
