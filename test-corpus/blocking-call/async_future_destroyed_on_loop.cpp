// std::async's future waits for its task in its destructor. Dropping it at the
// end of a loop callback blocks the loop until the task is done, which is
// exactly what offloading the work was meant to avoid.
#include <fake/coro.h>
#include <future>

int crunch() { return 42; }

void on_request(fake::loop &loop) {
  loop.post([] { // expect-path: blocking-call {{is handed to the event loop here}}
    std::future<int> result = std::async(std::launch::async, crunch); // expect-path: blocking-call {{'result' holds the result of this call}}
  }); // expect-warning: blocking-call {{'result', the result of 'std::async', is destroyed here on the event loop: its future's destructor waits for the task to finish, so the loop blocks}}
}
