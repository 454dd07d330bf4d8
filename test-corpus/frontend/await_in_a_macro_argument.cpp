// A read awaited inside a test macro's argument, written on the lines after
// the macro's name, as Catch2's `REQUIRE_THROWS_AS(` cases are: the finding
// is on the line the read is spelled on, where a NOLINT for it goes
// (tests/ci-test.sh checks that one), and the lambda is named by where it is
// written.
#include <fake/coro.h>

#define EXPECT_OK(...) ((void)(__VA_ARGS__))

fake::task<int> first_message(fake::connection &conn) {
  int n = 0;
  EXPECT_OK(
      [&]() -> fake::task<void> {
        n = co_await conn.read(); // expect-warning: missing-timeout {{'fake::connection::read' waits for a peer with no deadline}}
      }());
  co_return n;
}
