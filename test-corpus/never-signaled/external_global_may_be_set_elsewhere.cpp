// An external global may be set by code outside the analyzed program.
// expect-no-findings
#include <fake/coro.h>

fake::event plugin_loaded;

fake::task<void> start() {
  co_await plugin_loaded;
}
