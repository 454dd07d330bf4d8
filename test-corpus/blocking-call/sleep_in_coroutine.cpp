// A coroutine runs on the loop: sleeping in it stops every other task.
#include <fake/coro.h>
#include <thread>

fake::task<void> poll_backend() {
  std::this_thread::sleep_for(std::chrono::milliseconds(50)); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
  co_await fake::sleep_for(std::chrono::milliseconds(50));
}
// expect-path@-4: blocking-call {{'poll_backend' is a coroutine that nothing in the program starts: it runs on the event loop}}
