// A lambda handed to the project's own helper, which runs it on a thread of
// its own: what the helper's body does with the callable decides where it
// runs, not the call that hands it over. (The shape of ylt's coro_io::post.)
#include <fake/coro.h>
#include <thread>

template <class Work> void run_on_pool(Work work) {
  std::thread(work).detach();
}

fake::task<void> save_report() {
  co_await fake::yield_now();
  run_on_pool([] { std::this_thread::sleep_for(std::chrono::milliseconds(300)); });
}
// expect-no-findings
