// Two lambdas in a member function defined in its class: one is handed to a
// thread, the other to the loop, and each sleeps. Clang gives the closure
// types of an inline function no place in their names; they are still two
// functions, judged each on where it runs: only the loop's sleep stalls it.
#include <fake/coro.h>
#include <thread>

struct Refresher {
  void start(fake::loop &loop) {
    std::thread([] {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }).detach();
    loop.post([] {
      std::this_thread::sleep_for(std::chrono::milliseconds(5)); // expect-warning: blocking-call {{call to 'std::this_thread::sleep_for' blocks the event loop (sleeps)}}
    });
  }
};

void run(fake::loop &loop) {
  Refresher r;
  r.start(loop);
}
