// A flusher waits for its wake-up event, but nothing sets it: the event is an
// in-house auto-reset one, known only from its code (its awaiter publishes
// the address of the handle it keeps in the event's atomic word, and set()
// resumes what it finds there).
#include <inhouse/handoff_event.h>
#include <inhouse/task.h>

class flusher {
public:
  inhouse::task<int> flush_next() {
    co_await wake_; // expect-warning: never-signaled {{'flusher::wake_' (event) is awaited, but nothing in the program signals it}}
    co_return 1;
  }

private:
  inhouse::handoff_event wake_;
};

int serve(flusher &f) {
  inhouse::task<int> t = f.flush_next();
  return 0;
}
