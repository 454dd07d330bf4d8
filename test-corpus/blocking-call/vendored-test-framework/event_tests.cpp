// A coroutine test that asserts through the vendored framework: the
// framework's own file read is not reported in the project.
#include <fake/coro.h>
#include "minitest.h"

fake::event ready;

fake::task<void> waits_for_ready() {
  co_await ready;
  doctest::detail::check(true);
}
// expect-no-findings
