// Two programs in one compile database, as a project's examples and tests
// are: each has its own main. This one serves; z_download.cpp's main runs a
// coroutine with sync_wait. One main must not stand for the other.
#include <fake/coro.h>

int main() {
  fake::loop loop;
  loop.run();
}
// expect-no-findings
