// The twin of trivial_latch_counted_from_zero.cpp: counted from one, the
// latch waits for a count_down() that nothing makes.
#include <fake/coro.h>

fake::task<int> await_open_latch() {
  fake::latch one_pending{1};
  co_await one_pending; // expect-warning: never-signaled {{'await_open_latch::one_pending' (event) is awaited, but nothing in the program signals it}}
  co_return 1;
}
